#if canImport(Glibc)
import Glibc
#endif
import Figures
import Lessons

/// A lesson's figures numbered in order across its cells (`fig-1`, `fig-2`, ...): the names
/// of the SVG files `run` writes beside the handout, linked from the executed Markdown and
/// used as id prefixes in the HTML.
public enum LessonFigures {
    public struct Numbered {
        public var number: Int
        public var figure: Figure
        public var fileName: String { "fig-\(number).svg" }
    }

    /// Figures per cell index, numbered from 1 in cell order. Cells with `output: false` show none.
    public static func numbered(_ result: LessonResult) -> [Int: [Numbered]] {
        var byCell: [Int: [Numbered]] = [:]
        var next = 1
        for cell in result.cells {
            guard let figures = cell.outcome?.figures, !figures.isEmpty, cell.cell.options.output else { continue }
            byCell[cell.cell.index] = figures.map { figure in
                defer { next += 1 }
                return Numbered(number: next, figure: figure)
            }
        }
        return byCell
    }

    /// Every figure file of the lesson: name and SVG text.
    public static func files(_ result: LessonResult) -> [(name: String, svg: String)] {
        numbered(result).sorted { $0.key < $1.key }.flatMap { $0.value }.map {
            ($0.fileName, FigureSVG.render($0.figure, id: "fig\($0.number)"))
        }
    }

    /// The `<figure>` elements of one cell's figures, for the HTML handout.
    public static func html(_ figures: [Numbered]) -> String {
        figures.map { "<figure class=\"plot\" id=\"fig-\($0.number)\">\n" + FigureSVG.render($0.figure, id: "fig\($0.number)") + "</figure>\n" }.joined()
    }

    /// `![alt](lesson/fig-n.svg)` lines for one cell's figures, for the executed Markdown.
    public static func markdown(_ figures: [Numbered], lesson: String) -> [String] {
        figures.map { numbered in
            let alt = FigureDescription.text(numbered.figure)
                .replacing("\\", with: "\\\\")
                .replacing("[", with: "\\[").replacing("]", with: "\\]")
                .replacing("\n", with: " ")
            return "![\(alt)](\(lesson)/\(numbered.fileName))"
        }
    }
}

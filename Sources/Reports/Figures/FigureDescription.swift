import Figures

/// The alternative text of a figure, for screen readers and the Markdown image: what kind
/// of plot each set of axes holds, its title, axis labels and ranges, and its series names.
public enum FigureDescription {
    public static func text(_ figure: Figure) -> String {
        var parts: [String] = []
        if let suptitle = figure.suptitle { parts.append("Figure “\(suptitle)”") }
        let many = figure.axes.count > 1
        if many { parts.append("\(figure.axes.count) plots") }
        for (index, axes) in figure.axes.enumerated() {
            var sentence = (many ? "Plot \(index + 1): " : "") + kinds(axes)
            if let title = axes.title { sentence += " “\(title)”" }
            var details: [String] = []
            if let label = axes.xlabel { details.append("x axis “\(label)”" + (axes.xscale == .log ? " (log scale)" : "")) }
            if let label = axes.ylabel { details.append("y axis “\(label)”" + (axes.yscale == .log ? " (log scale)" : "")) }
            let names = axes.artists.compactMap(\.label).filter { !$0.hasPrefix("_") }
            if !names.isEmpty { details.append("series: " + names.joined(separator: ", ")) }
            if !details.isEmpty { sentence += "; " + details.joined(separator: "; ") }
            parts.append(sentence)
        }
        if figure.axes.isEmpty { parts.append("Empty figure") }
        return parts.joined(separator: ". ") + "."
    }

    private static func kinds(_ axes: Axes) -> String {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        for artist in axes.artists {
            switch artist {
            case .line, .referenceLine: add("line plot")
            case .scatter: add("scatter plot")
            case .bars(let a): add(a.horizontal ? "horizontal bar chart" : "bar chart")
            case .image: add("image")
            case .contour(let a): add(a.filled ? "filled contour plot" : "contour plot")
            case .band: add("shaded band")
            case .errorBar: add("error bars")
            case .text: break
            }
        }
        guard !names.isEmpty else { return "Empty plot" }
        let joined = names.count <= 2 ? names.joined(separator: " and ")
            : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}

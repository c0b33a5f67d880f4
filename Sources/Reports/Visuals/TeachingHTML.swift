import Lessons

/// What the handout adds to a cell for the teaching options: autograd graphs, the trace,
/// the gradient panel, the variable table, and the solution and exercise labels. The
/// handout page calls `cellExtras` once per cell and `style` once per page.
public enum TeachingHTML {
    /// The HTML after a cell's output: labels, then its visuals.
    public static func cellExtras(_ result: CellResult, in lesson: LessonResult) -> String {
        let options = result.cell.options
        var html = ""
        if let mode = options.solution {
            if lesson.copy == .student {
                if options.stub == nil { html += "<div class=\"exercise-box\" aria-label=\"answer box\">Your answer here</div>\n" }
                html += "<p class=\"teach-label exercise\">Exercise: write this cell yourself"
                html += mode == .code ? "; it should print what is shown.</p>\n" : ".</p>\n"
            } else {
                html += "<p class=\"teach-label solution\">Solution: the student copy shows "
                html += options.stub == nil ? "an empty answer box" : "the stub"
                html += mode == .all ? " and hides the output.</p>\n" : " and keeps the output.</p>\n"
            }
        }
        if let title = options.exercise {
            html += "<p class=\"teach-label check\">Exercise check: \(title.htmlEscaped)</p>\n"
        }
        guard let visuals = result.outcome?.visuals else { return html }
        for graph in visuals.graphs {
            let caption = graph.expression == "make_dot" ? "Autograd graph (torchviz)" : "Backward graph of <code>\(graph.expression.htmlEscaped)</code>"
            html += "<figure class=\"visual graph\"><div class=\"graph-scroll\">\(AutogradGraphSVG.render(graph))</div>"
            html += "<figcaption>\(caption)</figcaption></figure>\n"
        }
        if let trace = visuals.trace { html += TeachingTables.trace(trace) }
        if let panel = visuals.gradients { html += TeachingTables.gradients(panel) }
        if let table = visuals.variables { html += TeachingTables.variables(table) }
        return html
    }

    /// The stylesheet for the above, as a `<style>` element, when the lesson uses any of it.
    public static func style(_ result: LessonResult) -> String {
        let used = result.cells.contains { cell in
            cell.outcome?.visuals != nil || cell.cell.options.solution != nil || cell.cell.options.exercise != nil
        }
        return used ? "<style>\n\(css)\n</style>\n" : ""
    }

    static let css = """
    .visual { border-top: 1px solid #e5e8ec; padding: 0.6rem 0.9rem; background: #fff; font-size: 0.9rem; }
    .visual-title, .visual figcaption { margin: 0 0 0.4rem; color: #57606a; font-size: 0.85rem; }
    .visual.graph { margin: 0; }
    .graph-scroll { overflow-x: auto; }
    .graph-scroll svg { display: block; margin: 0 auto; height: auto; }
    .visual pre { margin: 0; padding: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12.5px; background: none; }
    .visual pre.none, .visual p.none { color: #8c959f; }
    .visual .meta { color: #6e7781; font-size: 0.8rem; }
    .visual .badge { padding: 0 0.35rem; border-radius: 3px; background: #fff1c2; color: #6b4e00; font-size: 0.72rem; font-weight: 600; }
    .visual .label { margin: 0 0 0.1rem; color: #6e7781; font-size: 0.78rem; }
    .visual .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.3rem 1rem; }
    .gradients .tensor { padding: 0.35rem 0.5rem; margin: 0 -0.5rem 0.3rem; border-radius: 4px; }
    .gradients .tensor.changed { background: #fffbea; }
    .gradients .tensor-name { margin: 0 0 0.2rem; }
    .visual svg.heat { display: block; margin-top: 0.3rem; max-width: 100%; height: auto; border: 1px solid #d9dde3; }
    .visual table { border-collapse: collapse; width: 100%; }
    .visual th, .visual td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid #eef0f3; overflow-wrap: anywhere; }
    .visual thead th { font-weight: 600; color: #57606a; font-size: 0.8rem; }
    .variables ul { margin: 0; padding: 0; list-style: none; }
    .variables li { padding: 0.2rem 0; border-bottom: 1px solid #eef0f3; }
    .variables .type { font-weight: 600; font-size: 0.85rem; }
    .trace ol { margin: 0; padding-left: 1.4rem; }
    .trace li { margin: 0 0 0.7rem; }
    .trace .step-node { margin: 0 0 0.2rem; }
    .trace .rule { display: block; color: #6639ba; font-size: 0.85rem; }
    .teach-label { margin: 0; padding: 0.35rem 0.9rem; font-size: 0.85rem; border-top: 1px solid #e5e8ec; }
    .teach-label.solution { background: #eef6ee; color: #1a5c1a; }
    .teach-label.exercise { background: #eef3fb; color: #1d4f91; }
    .teach-label.check { background: #f5f0fb; color: #5a3596; }
    .exercise-box { margin: 0.6rem 0.9rem; min-height: 4.5rem; border: 2px dashed #9db5d9; border-radius: 6px; color: #6e7781; padding: 0.5rem; font-size: 0.85rem; }
    """
}

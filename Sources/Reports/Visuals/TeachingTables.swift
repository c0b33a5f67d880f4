import Torch

/// The gradient panel, backward trace and variable table as HTML: small tables that fit a
/// phone (long values wrap inside their cells, never widen the page).
enum TeachingTables {
    static func gradients(_ panel: GradientPanelRecord) -> String {
        var html = "<div class=\"visual gradients\"><p class=\"visual-title\">Gradients after this cell</p>\n"
        html += "<table><thead><tr><th>tensor</th><th>value</th><th>.grad</th></tr></thead><tbody>\n"
        for entry in panel.entries {
            html += "<tr\(entry.changed ? " class=\"changed\"" : "")><th scope=\"row\"><code>\(entry.name.htmlEscaped)</code>"
            html += "<span class=\"meta\">\(entry.shape.htmlEscaped) \(entry.dtype.htmlEscaped)</span>"
            if entry.changed { html += "<span class=\"badge\">changed</span>" }
            html += "</th><td><pre>\(entry.value.htmlEscaped)</pre></td><td>"
            html += entry.grad.map { "<pre>\($0.htmlEscaped)</pre>" } ?? "<pre class=\"none\">None</pre>"
            if let heat = entry.heat { html += HeatStrip.svg(heat) }
            html += "</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    static func trace(_ trace: BackwardTraceRecord) -> String {
        var html = "<div class=\"visual trace\"><p class=\"visual-title\">Backward pass of <code>\(trace.expression.htmlEscaped)</code>, "
        html += "in the order the engine ran the nodes</p>\n<ol>\n"
        for step in trace.steps {
            html += "<li><p class=\"step-node\"><code>\(step.label.htmlEscaped)</code>"
            if let rule = rule(step) { html += " <span class=\"rule\">\(rule.htmlEscaped)</span>" }
            html += "</p>\n<table><tbody>"
            for (index, grad) in step.gradIn.enumerated() {
                let name = step.gradIn.count > 1 ? "grad in [\(index)]" : "grad in"
                html += "<tr><th scope=\"row\">\(name)</th><td><pre>\(grad.htmlEscaped)</pre></td></tr>"
            }
            for flow in step.gradOut {
                html += "<tr><th scope=\"row\">→ <code>\(flow.to.htmlEscaped)</code></th><td>"
                html += flow.grad.map { "<pre>\($0.htmlEscaped)</pre>" } ?? "<pre class=\"none\">None</pre>"
                html += "</td></tr>"
            }
            html += "</tbody></table></li>\n"
        }
        return html + "</ol></div>\n"
    }

    /// The chain-rule step, with the leaf's name for an AccumulateGrad.
    static func rule(_ step: BackwardTraceRecord.Step) -> String? {
        guard let rule = ChainRules.step(for: step.node) else { return nil }
        if let leaf = step.leaf { return rule.replacingLeaf(with: leaf) }
        return rule
    }

    static func variables(_ table: VariableTableRecord) -> String {
        var html = "<div class=\"visual variables\"><p class=\"visual-title\">Variables after this cell</p>\n"
        guard !table.rows.isEmpty else { return html + "<p class=\"none\">No tensors, modules or optimizers yet.</p></div>\n" }
        html += "<table><thead><tr><th>name</th><th>type</th><th>details</th></tr></thead><tbody>\n"
        for row in table.rows {
            html += "<tr><th scope=\"row\"><code>\(row.name.htmlEscaped)</code></th><td>\(row.type.htmlEscaped)</td>"
            html += "<td>\(VisualText.details(row).htmlEscaped)</td></tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }
}

extension String {
    /// `leaf.grad += grad` with the leaf's own name.
    func replacingLeaf(with name: String) -> String {
        guard hasPrefix("leaf.") else { return self }
        return name + dropFirst(4)
    }
}

/// A row of coloured cells for a gradient too large to print: blue for negative means,
/// red for positive, white for zero.
enum HeatStrip {
    static func svg(_ values: [Double]) -> String {
        let cell = 8.0
        var svg = "<svg class=\"heat\" viewBox=\"0 0 \(Int(cell) * values.count) 12\" width=\"\(Int(cell) * values.count)\" height=\"12\" "
        svg += "role=\"img\" aria-label=\"gradient heat strip\">"
        for (index, value) in values.enumerated() {
            svg += "<rect x=\"\(Int(cell) * index)\" y=\"0\" width=\"\(Int(cell))\" height=\"12\" fill=\"\(colour(value))\"/>"
        }
        return svg + "</svg>"
    }

    /// White at 0, towards #b2182b at +1 and #2166ac at -1.
    static func colour(_ value: Double) -> String {
        let t = min(1, abs(value))
        let target: (Double, Double, Double) = value >= 0 ? (178, 24, 43) : (33, 102, 172)
        func channel(_ end: Double) -> Int { Int((255 + (end - 255) * t).rounded()) }
        return "rgb(\(channel(target.0)),\(channel(target.1)),\(channel(target.2)))"
    }
}

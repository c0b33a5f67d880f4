import Torch

/// The gradient panel, backward trace and variable table as HTML: small tables that fit a
/// phone (long values wrap inside their cells, never widen the page).
enum TeachingTables {
    static func gradients(_ panel: GradientPanelRecord) -> String {
        var html = "<div class=\"visual gradients\"><p class=\"visual-title\">Gradients after this cell</p>\n"
        for entry in panel.entries {
            html += "<div class=\"tensor\(entry.changed ? " changed" : "")\"><p class=\"tensor-name\"><code>\(entry.name.htmlEscaped)</code> "
            html += "<span class=\"meta\">\(entry.shape.htmlEscaped) \(entry.dtype.htmlEscaped)</span>"
            if entry.changed { html += " <span class=\"badge\">grad changed</span>" }
            html += "</p>\n<div class=\"pair\"><div><p class=\"label\">value</p><pre>\(entry.value.htmlEscaped)</pre></div>"
            html += "<div><p class=\"label\">.grad</p>"
            html += entry.grad.map { "<pre>\($0.htmlEscaped)</pre>" } ?? "<pre class=\"none\">None</pre>"
            if let heat = entry.heat { html += HeatStrip.svg(heat) }
            html += "</div></div></div>\n"
        }
        return html + "</div>\n"
    }

    static func trace(_ trace: BackwardTraceRecord) -> String {
        var html = "<div class=\"visual trace\"><p class=\"visual-title\">Backward pass of <code>\(trace.expression.htmlEscaped)</code>, "
        html += "node by node in the order the engine ran them</p>\n<ol>\n"
        for step in trace.steps {
            html += "<li><p class=\"step-node\"><code>\(step.label.htmlEscaped)</code>"
            if let rule = rule(step) { html += "<span class=\"rule\">\(rule.htmlEscaped)</span>" }
            html += "</p>\n<div class=\"pair\">"
            for (index, grad) in step.gradIn.enumerated() {
                let name = step.gradIn.count > 1 ? "grad in [\(index)]" : "grad in"
                html += "<div><p class=\"label\">\(name)</p><pre>\(grad.htmlEscaped)</pre></div>"
            }
            for flow in step.gradOut {
                html += "<div><p class=\"label\">→ <code>\(flow.to.htmlEscaped)</code></p>"
                html += flow.grad.map { "<pre>\($0.htmlEscaped)</pre>" } ?? "<pre class=\"none\">None</pre>"
                html += "</div>"
            }
            html += "</div></li>\n"
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
        html += "<ul>\n"
        for row in table.rows {
            html += "<li><code>\(row.name.htmlEscaped)</code> <span class=\"type\">\(row.type.htmlEscaped)</span> "
            html += "<span class=\"meta\">\(VisualText.details(row).htmlEscaped)</span></li>\n"
        }
        return html + "</ul></div>\n"
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

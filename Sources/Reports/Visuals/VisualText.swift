import Lessons
import Torch

/// The teaching visuals as text, for the fenced blocks of the executed Markdown
/// (```graph, ```gradients, ```trace, ```variables): readable in any Markdown viewer, and
/// never compared by `check`.
public enum VisualText {
    public static func blocks(_ result: CellResult) -> [FencedBlock] {
        guard let visuals = result.outcome?.visuals else { return [] }
        var blocks: [FencedBlock] = visuals.graphs.map { FencedBlock(info: "graph", text: graph($0)) }
        if let trace = visuals.trace { blocks.append(FencedBlock(info: "trace", text: self.trace(trace))) }
        if let panel = visuals.gradients { blocks.append(FencedBlock(info: "gradients", text: gradients(panel))) }
        if let table = visuals.variables { blocks.append(FencedBlock(info: "variables", text: variables(table))) }
        return blocks
    }

    /// One line per edge, input first, in the record's order: `x [3] float32 -> AccumulateGrad`.
    static func graph(_ graph: AutogradGraphRecord) -> String {
        let labels = nodeLabels(graph)
        func name(_ id: Int) -> String {
            let node = graph.nodes[id]
            switch node.kind {
            case .backward, .accumulateGrad: return labels[id]
            case .output, .leaf: return ([node.title.isEmpty ? "(unnamed)" : node.title] + node.details).joined(separator: " ")
            case .saved: return (["saved " + node.title] + node.details).joined(separator: " ")
            }
        }
        guard !graph.edges.isEmpty else { return graph.nodes.map { name($0.id) }.joined(separator: "\n") + "\n" }
        return graph.edges.map { "\(name($0.from)) -> \(name($0.to))" }.joined(separator: "\n") + "\n"
    }

    /// Node names told apart: `MulBackward0 #2` where a name repeats, `AccumulateGrad (x)`.
    static func nodeLabels(_ graph: AutogradGraphRecord) -> [String] {
        var labels = graph.nodes.map(\.title)
        var counts: [String: Int] = [:]
        for node in graph.nodes where node.kind == .backward { counts[node.title, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for node in graph.nodes {
            if node.kind == .backward, counts[node.title]! > 1 {
                seen[node.title, default: 0] += 1
                labels[node.id] += " #\(seen[node.title]!)"
            } else if node.kind == .accumulateGrad,
                      let leaf = graph.edges.first(where: { $0.to == node.id }).map({ graph.nodes[$0.from] }), !leaf.title.isEmpty {
                labels[node.id] += " (\(leaf.title))"
            }
        }
        return labels
    }

    static func gradients(_ panel: GradientPanelRecord) -> String {
        var text = ""
        for entry in panel.entries {
            text += "\(entry.name) \(entry.shape) \(entry.dtype)\(entry.changed ? "  (changed)" : "")\n"
            text += indented("value: ", entry.value)
            text += indented("grad:  ", entry.grad ?? "None")
        }
        return text
    }

    static func trace(_ trace: BackwardTraceRecord) -> String {
        var text = ""
        for step in trace.steps {
            text += "\(step.order). \(step.label)"
            if let rule = TeachingTables.rule(step) { text += ": \(rule)" }
            text += "\n"
            for grad in step.gradIn { text += indented("in:  ", grad) }
            for flow in step.gradOut { text += indented("out -> \(flow.to): ", flow.grad ?? "None") }
        }
        return text
    }

    static func variables(_ table: VariableTableRecord) -> String {
        table.rows.map { "\($0.name): \($0.type) \(details($0))" }.joined(separator: "\n") + "\n"
    }

    /// `[3] float32 cpu requires_grad grad_fn=MulBackward0`, `3 parameters`, `lr=0.1`.
    static func details(_ row: VariableTableRecord.Row) -> String {
        var parts: [String] = []
        if let shape = row.shape { parts.append(shape) }
        if let dtype = row.dtype { parts.append(dtype) }
        if let device = row.device { parts.append(device) }
        if row.requiresGrad == true { parts.append("requires_grad") }
        if let gradFn = row.gradFn { parts.append("grad_fn=\(gradFn)") }
        if let count = row.parameters {
            parts.append(row.kind == .optimizer ? "\(count) parameter tensor\(count == 1 ? "" : "s")" : "\(count) parameters")
        }
        if let note = row.note { parts.append(note) }
        return parts.joined(separator: " ")
    }

    /// `label` then the value, its later lines lined up under its first.
    private static func indented(_ label: String, _ value: String) -> String {
        let pad = String(repeating: " ", count: label.count + 2)
        return value.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0 == 0 ? "  " + label + $1 : pad + $1 }.joined(separator: "\n") + "\n"
    }
}

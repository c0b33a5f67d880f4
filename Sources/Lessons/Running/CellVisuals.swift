import Torch

/// The teaching visuals one cell produced, as plain data recorded by Torch's hooks: sent
/// from the worker with the cell's outcome, drawn by Reports.
public struct CellVisuals: Sendable, Codable, Equatable {
    /// `#| graph:` first, then the torchviz figures the cell showed, in order.
    public var graphs: [AutogradGraphRecord] = []
    public var gradients: GradientPanelRecord?
    public var trace: BackwardTraceRecord?
    public var variables: VariableTableRecord?

    public init(graphs: [AutogradGraphRecord] = [], gradients: GradientPanelRecord? = nil,
                trace: BackwardTraceRecord? = nil, variables: VariableTableRecord? = nil) {
        self.graphs = graphs
        self.gradients = gradients
        self.trace = trace
        self.variables = variables
    }

    public var isEmpty: Bool { graphs.isEmpty && gradients == nil && trace == nil && variables == nil }
}

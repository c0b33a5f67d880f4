/// The lesson's tensors that require grad after a cell, with their values and gradients as
/// PyTorch prints them: what the gradient panel shows.
public struct GradientPanelRecord: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        /// `w`, or `model.fc.weight` for a parameter of a module held in a variable.
        public var name: String
        /// `[3, 2]`
        public var shape: String
        public var dtype: String
        /// `repr` of the tensor, or a one-line summary when it is too large to print.
        public var value: String
        /// `repr` of `.grad`, a summary when too large, nil when `.grad` is None.
        public var grad: String?
        /// Whether this cell changed `.grad` (set, accumulated into, zeroed or cleared).
        public var changed: Bool
        /// For gradients too large to print: up to `HeatStrip.maxCells` means of consecutive
        /// elements, scaled to -1...1 by the largest magnitude.
        public var heat: [Double]?

        public init(name: String, shape: String, dtype: String, value: String, grad: String?, changed: Bool, heat: [Double]? = nil) {
            self.name = name
            self.shape = shape
            self.dtype = dtype
            self.value = value
            self.grad = grad
            self.changed = changed
            self.heat = heat
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }
}

/// A backward pass as the engine ran it, node by node: `#| trace:`.
public struct BackwardTraceRecord: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        /// 1 for the first node the engine ran.
        public var order: Int
        /// `MulBackward0`, `AccumulateGrad`; repeated names get ` #2`, ` #3` (`label`).
        public var node: String
        /// The node's name with its number when the graph has several of that name.
        public var label: String
        /// For AccumulateGrad: the leaf's variable name, if it has one.
        public var leaf: String?
        /// The gradient(s) that reached the node, one per forward output.
        public var gradIn: [String]
        /// What the node sent on, one per input it has an edge for.
        public var gradOut: [Flow]

        public init(order: Int, node: String, label: String, leaf: String? = nil, gradIn: [String], gradOut: [Flow]) {
            self.order = order
            self.node = node
            self.label = label
            self.leaf = leaf
            self.gradIn = gradIn
            self.gradOut = gradOut
        }
    }

    /// A gradient sent to input `input` (0-based) of the node, reaching `to`.
    public struct Flow: Sendable, Codable, Equatable {
        public var input: Int
        /// The label of the receiving node (`AccumulateGrad (x)`), or `-` when the input needs no gradient.
        public var to: String
        public var grad: String?

        public init(input: Int, to: String, grad: String?) {
            self.input = input
            self.to = to
            self.grad = grad
        }
    }

    public var expression: String
    public var steps: [Step]

    public init(expression: String, steps: [Step]) {
        self.expression = expression
        self.steps = steps
    }
}

/// The lesson's tensors, modules and optimizers after a cell: `#| variables: true`.
public struct VariableTableRecord: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case tensor, module, optimizer }
        public var name: String
        public var kind: Kind
        /// `Tensor`, `Parameter`, `Linear`, `SGD`.
        public var type: String
        public var shape: String?
        public var dtype: String?
        public var device: String?
        public var requiresGrad: Bool?
        /// `MulBackward0`, nil for leaves.
        public var gradFn: String?
        /// Modules: number of parameter elements; optimizers: parameters they update.
        public var parameters: Int?
        /// Optimizers: `lr=0.1`; modules: number of trainable elements when it differs.
        public var note: String?

        public init(name: String, kind: Kind, type: String, shape: String? = nil, dtype: String? = nil, device: String? = nil,
                    requiresGrad: Bool? = nil, gradFn: String? = nil, parameters: Int? = nil, note: String? = nil) {
            self.name = name
            self.kind = kind
            self.type = type
            self.shape = shape
            self.dtype = dtype
            self.device = device
            self.requiresGrad = requiresGrad
            self.gradFn = gradFn
            self.parameters = parameters
            self.note = note
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }
}

/// The knobs of `torch.set_printoptions`, with PyTorch's defaults.
///
/// A value type so each interpreter session can own its own copy; `torch.set_printoptions`
/// maps onto `apply(...)`, which follows `torch/_tensor_str.py` exactly (including its
/// habit of resetting `sciMode` whenever it is called).
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point in fixed and scientific notation.
    public var precision: Int = 4
    /// Tensors with more elements than this are summarised; `Double.infinity` never summarises.
    public var threshold: Double = 1000
    /// Entries shown at each end of a summarised dimension.
    public var edgeitems: Int = 3
    /// Characters per line used to decide how many elements fit on a line.
    public var linewidth: Int = 80
    /// `nil` lets the formatter choose; `true`/`false` force scientific / fixed notation.
    public var sciMode: Bool? = nil

    public init() {}

    public init(precision: Int = 4, threshold: Double = 1000, edgeitems: Int = 3,
                linewidth: Int = 80, sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.sciMode = sciMode
    }

    /// The named presets of `set_printoptions(profile=...)`.
    public enum Profile: String, Sendable {
        case `default`, short, full
    }

    /// `torch.set_printoptions(precision=, threshold=, edgeitems=, linewidth=, profile=, sci_mode=)`:
    /// the profile is applied first, then each given option; `sciMode` is always replaced,
    /// so calling without it turns forced notation off again, as PyTorch does.
    public mutating func apply(precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
                               linewidth: Int? = nil, profile: Profile? = nil, sciMode: Bool? = nil) {
        switch profile {
        case .default?:
            self.precision = 4; self.threshold = 1000; self.edgeitems = 3; self.linewidth = 80
        case .short?:
            self.precision = 2; self.threshold = 1000; self.edgeitems = 2; self.linewidth = 80
        case .full?:
            self.precision = 4; self.threshold = .infinity; self.edgeitems = 3; self.linewidth = 80
        case nil:
            break
        }
        if let precision { self.precision = precision }
        if let threshold { self.threshold = threshold }
        if let edgeitems { self.edgeitems = edgeitems }
        if let linewidth { self.linewidth = linewidth }
        self.sciMode = sciMode
    }
}

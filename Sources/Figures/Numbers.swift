/// A list of numbers that may hold NaN and infinities (a diverging loss curve): JSON has no
/// words for them, so they travel as the strings `nan`, `inf` and `-inf`.
public struct Numbers: Sendable, Equatable, Codable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }
    public init(arrayLiteral elements: Double...) { values = elements }

    public var startIndex: Int { values.startIndex }
    public var endIndex: Int { values.endIndex }
    public subscript(position: Int) -> Double { values[position] }

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var values: [Double] = []
        while !container.isAtEnd {
            if let number = try? container.decode(Double.self) {
                values.append(number)
            } else {
                switch try container.decode(String.self) {
                case "inf": values.append(.infinity)
                case "-inf": values.append(-.infinity)
                default: values.append(.nan)
                }
            }
        }
        self.values = values
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for value in values {
            if value.isFinite { try container.encode(value) }
            else if value.isNaN { try container.encode("nan") }
            else { try container.encode(value > 0 ? "inf" : "-inf") }
        }
    }

    /// NaN compares equal to NaN here: two recordings of the same figure are equal.
    public static func == (a: Numbers, b: Numbers) -> Bool {
        a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

/// An artist travels as its own fields plus `"kind": "line"` (readable JSON, and a kind added
/// later is an error that names it instead of a shape mismatch).
extension Artist: Codable {
    private enum Key: String, CodingKey { case kind }

    public init(from decoder: Decoder) throws {
        let kind = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .kind)
        switch kind {
        case "line": self = .line(try Line(from: decoder))
        case "scatter": self = .scatter(try Scatter(from: decoder))
        case "bars": self = .bars(try Bars(from: decoder))
        case "image": self = .image(try Image(from: decoder))
        case "contour": self = .contour(try Contour(from: decoder))
        case "referenceLine": self = .referenceLine(try ReferenceLine(from: decoder))
        case "band": self = .band(try Band(from: decoder))
        case "errorBar": self = .errorBar(try ErrorBar(from: decoder))
        case "text": self = .text(try Text(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: try decoder.container(keyedBy: Key.self),
                                                   debugDescription: "unknown artist kind '\(kind)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .line(let a): try container.encode("line", forKey: .kind); try a.encode(to: encoder)
        case .scatter(let a): try container.encode("scatter", forKey: .kind); try a.encode(to: encoder)
        case .bars(let a): try container.encode("bars", forKey: .kind); try a.encode(to: encoder)
        case .image(let a): try container.encode("image", forKey: .kind); try a.encode(to: encoder)
        case .contour(let a): try container.encode("contour", forKey: .kind); try a.encode(to: encoder)
        case .referenceLine(let a): try container.encode("referenceLine", forKey: .kind); try a.encode(to: encoder)
        case .band(let a): try container.encode("band", forKey: .kind); try a.encode(to: encoder)
        case .errorBar(let a): try container.encode("errorBar", forKey: .kind); try a.encode(to: encoder)
        case .text(let a): try container.encode("text", forKey: .kind); try a.encode(to: encoder)
        }
    }
}

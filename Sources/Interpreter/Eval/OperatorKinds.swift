/// Binary operators with their special-method names.
enum BinaryOp: Int {
    case add, sub, mul, truediv, floordiv, mod, pow, matmul, lshift, rshift, and, or, xor

    var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .truediv: return "/"
        case .floordiv: return "//"
        case .mod: return "%"
        case .pow: return "** or pow()"
        case .matmul: return "@"
        case .lshift: return "<<"
        case .rshift: return ">>"
        case .and: return "&"
        case .or: return "|"
        case .xor: return "^"
        }
    }

    private var stem: String {
        switch self {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .truediv: return "truediv"
        case .floordiv: return "floordiv"
        case .mod: return "mod"
        case .pow: return "pow"
        case .matmul: return "matmul"
        case .lshift: return "lshift"
        case .rshift: return "rshift"
        case .and: return "and"
        case .or: return "or"
        case .xor: return "xor"
        }
    }

    static let names: [Name] = (0...12).map { Name("__\(BinaryOp(rawValue: $0)!.stem)__") }
    static let reflectedNames: [Name] = (0...12).map { Name("__r\(BinaryOp(rawValue: $0)!.stem)__") }
    static let inplaceNames: [Name] = (0...12).map { Name("__i\(BinaryOp(rawValue: $0)!.stem)__") }

    var name: Name { BinaryOp.names[rawValue] }
    var reflectedName: Name { BinaryOp.reflectedNames[rawValue] }
    var inplaceName: Name { BinaryOp.inplaceNames[rawValue] }

    static let augmented: [String: BinaryOp] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .truediv, "//=": .floordiv, "%=": .mod, "**=": .pow,
        "@=": .matmul, "<<=": .lshift, ">>=": .rshift, "&=": .and, "|=": .or, "^=": .xor,
    ]
}

enum UnaryOp {
    case neg, pos, invert, not
    var symbol: String {
        switch self { case .neg: return "-"; case .pos: return "+"; case .invert: return "~"; case .not: return "not" }
    }
    var name: Name {
        switch self { case .neg: return N.__neg__; case .pos: return N.__pos__; case .invert: return N.__invert__; case .not: return N.__bool__ }
    }
}

enum CompareOp {
    case lt, le, gt, ge, eq, ne, `in`, notIn, `is`, isNot
    var symbol: String {
        switch self {
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        case .eq: return "=="
        case .ne: return "!="
        case .in: return "in"
        case .notIn: return "not in"
        case .is: return "is"
        case .isNot: return "is not"
        }
    }
    var name: Name {
        switch self {
        case .lt: return N.__lt__
        case .le: return N.__le__
        case .gt: return N.__gt__
        case .ge: return N.__ge__
        case .eq: return N.__eq__
        case .ne: return N.__ne__
        default: return N.__contains__
        }
    }
    var swapped: CompareOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}

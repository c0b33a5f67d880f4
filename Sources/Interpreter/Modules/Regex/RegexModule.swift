/// `_sre`: the native core of `re` (whose Python part is `reSource`). It compiles patterns
/// and runs them; the Pattern and Match classes are written in Python around it.
final class CompiledRegex {
    let program: RegexProgram
    init(_ p: RegexProgram) { program = p }
}

extension Interpreter {
    func buildSre(_ m: PyModule) {
        let programClass = makeClass("SRE_Program", module: "_sre")
        m.add("SRE_Program", programClass)
        // compile(pattern, flags) -> (program, groups, groupindex, flags) or (None, message, position)
        m.addFunction("compile") { i, a in
            try a.check("compile", 2)
            guard case .str(let pattern) = a[0] else { throw PyError.typeError("first argument must be string or compiled pattern") }
            let flags = try i.intArgument(a[1])
            do {
                let prog = try RegexParser.parse(pattern, flags: flags)
                let index = PyDict()
                for (n, g) in prog.groupNames { try index.set(.str(n), .int(g)) }
                return .tuple([i.makeInstance(programClass, payload: CompiledRegex(prog)), .int(prog.groups), .object(index), .int(prog.flags)])
            } catch let e as RegexSyntaxError {
                return .tuple([.none, .str(e.message), .int(e.position)])
            }
        }
        // slices(string, [a0, b0, a1, b1, ...]) -> [string[a0:b0], ...] (None where a < 0), in
        // one pass over the string: slicing a long string once per match was quadratic.
        m.addFunction("slices") { i, a in
            try a.check("slices", 2)
            guard case .str(let string) = a[0] else { throw PyError.typeError("expected string") }
            let bounds = try i.iterate(a[1]).map { try i.intArgument($0) }
            let scalars = Array(string.unicodeScalars)
            var out: [PyValue] = []
            out.reserveCapacity(bounds.count / 2)
            var k = 0
            while k + 1 < bounds.count {
                let lo = bounds[k], hi = bounds[k + 1]
                if lo < 0 { out.append(.none) } else {
                    let a = min(max(lo, 0), scalars.count), b = min(max(hi, a), scalars.count)
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: scalars[a..<b])
                    out.append(.str(String(piece)))
                }
                k += 2
            }
            return .list(out)
        }
        // scan(program, string, pos, endpos, mode, limit, forbidEmptyAt)
        // mode 0: match, 1: search, 2: fullmatch, 3: every non-overlapping match (up to
        // limit, 0 = all). Returns a list of (spans, lastindex).
        m.addFunction("scan") { i, a in
            try a.check("scan", 7)
            guard let compiled = a[0].payload(CompiledRegex.self) else { throw PyError.typeError("scan needs a compiled program") }
            guard case .str(let string) = a[1] else { throw PyError.typeError("expected string") }
            var scalars = string.unicodeScalars.map { $0.value }
            let n = scalars.count
            var pos = try i.intArgument(a[2]), endpos = try i.intArgument(a[3])
            let mode = try i.intArgument(a[4]), limit = try i.intArgument(a[5])
            let forbid = try i.intArgument(a[6])
            if pos < 0 { pos = 0 }
            if pos > n { pos = n }
            if endpos < 0 { endpos = 0 }
            if endpos < n { scalars.removeSubrange(endpos...) }
            let prog = compiled.program
            let matcher = RegexMatcher(subject: scalars, groups: prog.groups,
                                       ascii: prog.flags & RegexFlag.ascii != 0, interp: i)
            matcher.forbidEmptyAt = forbid
            if pos > scalars.count { return .list([]) }
            var results: [PyValue] = []
            func record() {
                let spans = matcher.caps.map { PyValue.int($0) }
                results.append(.tuple([.tuple(spans), matcher.lastIndex >= 0 ? .int(matcher.lastIndex) : .none]))
            }
            switch mode {
            case 0, 2:
                if try matcher.matchAt(prog.root, pos, full: mode == 2) { record() }
            case 1:
                var start = pos
                while start <= scalars.count {
                    if try matcher.matchAt(prog.root, start, full: false) { record(); break }
                    start += 1
                }
            default:
                var start = pos
                while start <= scalars.count && (limit == 0 || results.count < limit) {
                    if try matcher.matchAt(prog.root, start, full: false) {
                        record()
                        let e = matcher.caps[1]
                        matcher.forbidEmptyAt = e == matcher.caps[0] ? e : -1
                        start = e
                        if e == matcher.caps[0] { matcher.forbidEmptyAt = e }
                    } else {
                        start += 1
                    }
                }
            }
            return .list(results)
        }
    }
}

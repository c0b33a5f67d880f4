/// The attributes CPython's built-in exceptions carry beyond `args`: `OSError`'s `errno`,
/// `strerror` and `filename` (and its errno-to-subclass mapping: `OSError(2, 'x')` is a
/// `FileNotFoundError`), `AttributeError`'s `name`/`obj` and `NameError`'s `name`.
extension Interpreter {
    /// CPython's `errno` → subclass table for `OSError(errno, strerror)`.
    static let osErrorSubclasses: [Int: String] = [
        2: "FileNotFoundError", 13: "PermissionError", 1: "PermissionError", 17: "FileExistsError",
        21: "IsADirectoryError", 20: "NotADirectoryError", 110: "TimeoutError",
    ]

    /// Class defaults, so reading an attribute an exception was not given answers None.
    func installExceptionAttributes() {
        let os = types.exceptions["OSError"]!
        for n in ["errno", "strerror", "filename", "filename2"] { os.setAttribute(Name(n), PyValue.none) }
        types.exceptions["AttributeError"]!.setAttribute(Name("name"), PyValue.none)
        types.exceptions["AttributeError"]!.setAttribute(Name("obj"), PyValue.none)
        types.exceptions["NameError"]!.setAttribute(Name("name"), PyValue.none)
        types.exceptions["ImportError"]!.setAttribute(Name("path"), PyValue.none)
        types.exceptions["ImportError"]!.setAttribute(Name("name"), PyValue.none)
        installTracebackSupport()
    }

    /// The class an `OSError(errno, ...)` call really makes.
    func osErrorClass(_ cls: PyClass, _ args: [PyValue]) -> PyClass {
        guard cls === types.exceptions["OSError"], args.count >= 2, case .int(let n) = args[0],
              let sub = Self.osErrorSubclasses[n] else { return cls }
        return types.exceptions[sub]!
    }

    /// Fills the attributes of a new exception from its arguments.
    func setExceptionAttributes(_ inst: PyInstance, _ args: [PyValue]) {
        let cls = inst.cls
        if cls.isSubclass(of: types.exceptions["StopIteration"]!) {
            inst.attributes.set(N.value, args.first ?? .none)
            return
        }
        if cls.isSubclass(of: types.exceptions["OSError"]!) {
            if args.count >= 2 && args.count <= 5 {
                inst.attributes.set(Name("errno"), args[0])
                inst.attributes.set(Name("strerror"), args[1])
                if args.count >= 3 { inst.attributes.set(Name("filename"), args[2]) }
                if args.count >= 5 { inst.attributes.set(Name("filename2"), args[4]) }
                if args.count >= 3 { inst.attributes.set(N.args, .tuple(Array(args.prefix(2)))) }
            } else if args.count == 1, case .str(let text) = args[0], let parsed = Self.parseErrno(text) {
                // The interpreter's own file errors come as one formatted message.
                inst.attributes.set(Name("errno"), .int(parsed.errno))
                inst.attributes.set(Name("strerror"), .str(parsed.strerror))
                if let f = parsed.filename { inst.attributes.set(Name("filename"), .str(f)) }
                inst.attributes.set(N.args, .tuple([.int(parsed.errno), .str(parsed.strerror)]))
            }
            return
        }
        guard args.count == 1, case .str(let text) = args[0] else { return }
        if cls.isSubclass(of: types.exceptions["AttributeError"]!),
           let r = text.firstRange(of: " has no attribute '"), text.hasSuffix("'") {
            inst.attributes.set(Name("name"), .str(String(text[r.upperBound...].dropLast())))
        } else if cls.isSubclass(of: types.exceptions["ImportError"]!), text.hasPrefix("No module named '"), text.hasSuffix("'") {
            let name = text.dropFirst(17).dropLast()
            if !name.contains("'") { inst.attributes.set(Name("name"), .str(String(name))) }
        } else if cls.isSubclass(of: types.exceptions["NameError"]!), text.hasPrefix("name '"),
                  let end = text.dropFirst(6).firstIndex(of: "'") {
            inst.attributes.set(Name("name"), .str(String(text[text.index(text.startIndex, offsetBy: 6)..<end])))
        } else if cls.isSubclass(of: types.exceptions["NameError"]!), text.hasPrefix("cannot access "),
                  let r = text.firstRange(of: "variable '"), let end = text[r.upperBound...].firstIndex(of: "'") {
            inst.attributes.set(Name("name"), .str(String(text[r.upperBound..<end])))
        }
    }

    /// `[Errno 2] No such file or directory: 'x.txt'` → (2, "No such file or directory", "x.txt").
    static func parseErrno(_ text: String) -> (errno: Int, strerror: String, filename: String?)? {
        guard text.hasPrefix("[Errno "), let close = text.firstIndex(of: "]") else { return nil }
        guard let n = Int(text[text.index(text.startIndex, offsetBy: 7)..<close]) else { return nil }
        var rest = text[text.index(after: close)...]
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        if let r = rest.firstRange(of: ": '"), rest.hasSuffix("'") {
            let name = String(rest[r.upperBound...].dropLast())
            if !name.contains("'") { return (n, String(rest[..<r.lowerBound]), name) }
        }
        return (n, String(rest), nil)
    }

    /// CPython's `OSError.__str__`.
    func osErrorStr(_ inst: PyInstance) -> String? {
        guard inst.cls.isSubclass(of: types.exceptions["OSError"]!),
              let errno = inst.attributes.get(Name("errno")), !errno.isNone,
              let strerror = inst.attributes.get(Name("strerror")) else { return nil }
        let head = "[Errno \((try? str(errno)) ?? "")] \((try? str(strerror)) ?? "")"
        if let f = inst.attributes.get(Name("filename")), !f.isNone {
            if let f2 = inst.attributes.get(Name("filename2")), !f2.isNone {
                return head + ": \((try? repr(f)) ?? "") -> \((try? repr(f2)) ?? "")"
            }
            return head + ": " + ((try? repr(f)) ?? "")
        }
        return head
    }
}

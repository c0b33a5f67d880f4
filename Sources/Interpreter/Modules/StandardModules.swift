import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// Modules every session can import (besides those the host registers).
    func registerStandardModules() {
        registerModule(name: "sys") { i, m in try i.buildSys(m) }
        registerModule(name: "math") { i, m in i.buildMath(m) }
        registerModule(name: "random") { i, m in i.buildRandom(m) }
        registerModule(name: "time") { i, m in i.buildTime(m) }
        registerModule(name: "warnings") { i, m in i.buildWarnings(m) }
        registerModule(name: "copy") { i, m in i.buildCopy(m) }
        registerSourceModule(name: "collections", source: collectionsSource + collectionsExtrasSource, file: "<collections>")
        registerSourceModule(name: "traceback", source: tracebackSource, file: "<traceback>")
        registerSourceModule(name: "types", source: typesSource, file: "<types>")
        registerSourceModule(name: "itertools", source: itertoolsSource, file: "<itertools>")
        registerSourceModule(name: "functools", source: functoolsSource, file: "<functools>")
        registerSourceModule(name: "typing", source: typingSource, file: "<typing>")
        registerSourceModule(name: "operator", source: operatorSource, file: "<operator>")
        registerSourceModule(name: "string", source: stringSource, file: "<string>")
        registerSourceModule(name: "abc", source: abcSource, file: "<abc>")
        registerAbcModules()
        registerSourceModule(name: "dataclasses", source: dataclassesSource, file: "<dataclasses>")
        registerSourceModule(name: "__future__", source: futureSource, file: "<__future__>")
        registerSourceModule(name: "json", source: jsonSource, file: "<json>")
        registerSourceModule(name: "heapq", source: heapqSource, file: "<heapq>")
        registerSourceModule(name: "bisect", source: bisectSource, file: "<bisect>")
        registerModule(name: "_inspect") { i, m in i.buildInspectNative(m) }
        registerSourceModule(name: "inspect", source: inspectSource, file: "<inspect>")
        registerSourceModule(name: "logging", source: loggingSource, file: "<logging>")
        registerModule(name: "_struct_floats") { i, m in i.buildStructFloats(m) }
        registerModule(name: "_string") { i, m in i.buildStringNative(m) }
        registerModule(name: "_dataclasses_compile") { i, m in i.buildDataclassesCompile(m) }
        registerModule(name: "_complex_format") { _, m in
            /// `format(re, im, spec)`: the text of `format(complex(re, im), spec)`.
            m.addFunction("format") { i, a in
                try a.check("format", 3)
                return .str(try i.formatComplex(real: try i.doubleArgument(a[0]), imag: try i.doubleArgument(a[1]),
                                                try i.stringArgument(a[2], "format() argument 2")))
            }
        }
        registerSourceModule(name: "struct", source: structSource, file: "<struct>")
        registerModule(name: "unicodedata") { i, m in i.buildUnicodeData(m) }
        registerFileModules()
        registerMoreStandardModules()
    }

    func buildTime(_ m: PyModule) {
        let start = DispatchTime.now().uptimeNanoseconds
        m.addFunction("time") { _, _ in .float(Date().timeIntervalSince1970) }
        m.addFunction("perf_counter") { _, _ in .float(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        m.addFunction("monotonic") { _, _ in .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9) }
        m.addFunction("process_time") { _, _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        m.addFunction("perf_counter_ns") { _, _ in .int(Int(DispatchTime.now().uptimeNanoseconds - start)) }
        m.addFunction("time_ns") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        m.addFunction("sleep") { i, a in
            try a.check("sleep", 1)
            var left = try i.doubleArgument(a[0])
            if left < 0 { throw PyError.valueError("sleep length must be non-negative") }
            while left > 0 {
                let step = min(left, 0.05)
                usleep(UInt32(step * 1_000_000))
                left -= step
                try i.checkDeadline()
            }
            return .none
        }
    }

    func buildWarnings(_ m: PyModule) {
        buildWarningsModule(m)
    }

    func buildCopy(_ m: PyModule) {
        m.addFunction("copy") { i, a in
            try a.check("copy", 1)
            return try i.shallowCopy(a[0])
        }
        m.addFunction("deepcopy") { i, a in
            try a.check("deepcopy", 1, 2)
            var memo: [ObjectIdentifier: PyValue] = [:]
            return try i.deepCopy(a[0], &memo)
        }
        m.add("Error", .object(types.exceptions["Exception"]!))
    }

    /// `copy.copy`.
    func shallowCopy(_ v: PyValue) throws -> PyValue {
        guard case .object(let o) = v else { return v }
        switch o {
        case let l as PyList: return .list(l.items)
        case let d as PyDict: return .object(d.copy())
        case let s as PySet: return s.frozen ? v : .object(try s.copied())
        case let inst as PyInstance:
            if let r = try callSpecial(v, Name("__copy__"), []) { return r }
            let c = PyInstance(cls: inst.cls, payload: try (inst.payload as? BuiltinBase).map { BuiltinBase(try shallowCopy($0.value)) } ?? inst.payload)
            c.attributes = inst.attributes
            return .object(c)
        default: return v
        }
    }

    /// `copy.deepcopy`, sharing copies of objects reached twice (the memo).
    func deepCopy(_ v: PyValue, _ memo: inout [ObjectIdentifier: PyValue]) throws -> PyValue {
        guard case .object(let o) = v else { return v }
        let id = ObjectIdentifier(o)
        if let done = memo[id] { return done }
        switch o {
        case let l as PyList:
            let out = PyList()
            memo[id] = .object(out)
            for x in l.items { out.items.append(try deepCopy(x, &memo)) }
            return .object(out)
        case let t as PyTuple:
            let r = PyValue.tuple(try t.items.map { try deepCopy($0, &memo) })
            memo[id] = r
            return r
        case let d as PyDict:
            let out = PyDict()
            memo[id] = .object(out)
            for e in d.items { try out.set(try deepCopy(e.key, &memo), try deepCopy(e.value, &memo)) }
            return .object(out)
        case let s as PySet:
            let r = PyValue.object(try PySet(try s.items.map { try deepCopy($0, &memo) }, frozen: s.frozen))
            memo[id] = r
            return r
        case let inst as PyInstance:
            if typeOf(v).lookup(Name("__deepcopy__")) != nil {
                let memoDict = PyDict()
                let r = try callSpecial(v, Name("__deepcopy__"), [.object(memoDict)])!
                memo[id] = r
                return r
            }
            let c = PyInstance(cls: inst.cls, payload: inst.payload)
            memo[id] = .object(c)
            if let base = inst.payload as? BuiltinBase { c.payload = BuiltinBase(try deepCopy(base.value, &memo)) }
            for (n, x) in zip(inst.attributes.names, inst.attributes.values) {
                c.attributes.set(n, try deepCopy(x, &memo))
            }
            return .object(c)
        default:
            return v
        }
    }
}

import Autograd
import Interpreter
import Tensors

/// `torch.save` and `torch.load` in PyTorch's file format: a zip archive (see
/// `PyTorchArchiveWriter`) holding `data.pkl`, a protocol-2 pickle of the object tree in
/// which each tensor is `torch._utils._rebuild_tensor_v2(storage, offset, size, stride,
/// requires_grad, OrderedDict())` and each storage a persistent id
/// `('storage', torch.FloatStorage, key, location, numel)` whose bytes are the record
/// `data/KEY`. Files go to the lesson's file space or to a binary file object
/// (`io.BytesIO`); `weights_only` (the default) allows only the globals PyTorch allows.
extension TorchRuntime {
    func bindSaving(_ interp: Interpreter, _ m: PyModule) {
        let saveSignature = Signature("save", ["obj", "f", "pickle_module", "pickle_protocol",
                                               "_use_new_zipfile_serialization", "_disable_byteorder_record"], required: 2)
        m.addFunction("save") { [unowned self] i, a in
            let b = try a.bind(saveSignature)
            let file = b[1]!
            var archiveName = "archive"
            var path: String?
            if case .str = file { path = try i.fsPath(file) }
            else if try i.hasAttribute(file, Name("__fspath__")) { path = try i.fsPath(file) }
            if let path {
                let base = path.split(separator: "/").last.map(String.init) ?? path
                archiveName = base.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? base
            }
            let bytes = try self.serialize(b[0]!, archiveName: archiveName, interp: i)
            if let path {
                try i.fileSpace.writeFile(path, bytes)
            } else {
                _ = try i.callMethod(file, "write", [i.bytesObject(bytes)])
            }
            return .none
        }
        let loadSignature = Signature("load", ["f", "map_location", "pickle_module"],
                                      keywordOnly: ["weights_only", "mmap"], required: 1, varkw: true)
        m.addFunction("load") { [unowned self] i, a in
            let b = try a.bind(loadSignature)
            let file = b[0]!
            let bytes: [UInt8]
            if case .str = file { bytes = try i.fileSpace.readFile(try i.fsPath(file)) }
            else if try i.hasAttribute(file, Name("__fspath__")) { bytes = try i.fileSpace.readFile(try i.fsPath(file)) }
            else { bytes = try i.bytesOf(try i.callMethod(file, "read")) }
            let weightsOnly = try b[3].map { $0.isNone ? true : try i.truthy($0) } ?? true
            return try self.deserialize(bytes, mapLocation: b[1] ?? .none, weightsOnly: weightsOnly, interp: i)
        }
    }

    /// `torch.serialization`: the allowlist of globals for `weights_only` loads.
    func buildSerialization(_ interp: Interpreter, _ m: PyModule) {
        m.addFunction("add_safe_globals") { [unowned self] i, a in
            guard a.count == 1 else { throw PyError.typeError("add_safe_globals() takes 1 positional argument but \(a.count) were given") }
            safeGlobals += try i.iterate(a[0])
            return .none
        }
        m.addFunction("get_safe_globals") { [unowned self] _, _ in .list(safeGlobals) }
        m.addFunction("clear_safe_globals") { [unowned self] _, _ in safeGlobals = []; return .none }
        let manager = interp.makeClass("safe_globals", module: "torch.serialization")
        manager.setConstructor { i, cls, a in
            guard a.count == 1 else { throw PyError.typeError("safe_globals.__init__() takes 2 positional arguments but \(a.count + 1) were given") }
            let v = i.makeInstance(cls, payload: nil)
            try i.setAttribute(v, "globals", .list(try i.iterate(a[0])))
            return v
        }
        manager.addMethod("__enter__") { [unowned self] i, s, _ in
            let added = try i.iterate(try i.getAttribute(s, "globals"))
            try i.setAttribute(s, "previous", .list(safeGlobals))
            safeGlobals += added
            return .none
        }
        manager.addMethod("__exit__") { [unowned self] i, s, _ in
            safeGlobals = try i.iterate(try i.getAttribute(s, "previous"))
            return .false
        }
        m.add("safe_globals", manager)
        m.add("DEFAULT_PROTOCOL", .int(2))
        m.addFunction("save") { i, a in try i.call(try i.getAttribute(.object(try i.importModule("torch")), "save"), a) }
        m.addFunction("load") { i, a in try i.call(try i.getAttribute(.object(try i.importModule("torch")), "load"), a) }
    }

    // MARK: - Saving

    func serialize(_ obj: PyValue, archiveName: String, interp i: Interpreter) throws -> [UInt8] {
        let collections = try i.importModule("collections")
        let orderedDict = collections["OrderedDict"]!
        let rebuildTensor = PickleGlobal(module: "torch._utils", name: "_rebuild_tensor_v2")
        let rebuildParameter = PickleGlobal(module: "torch._utils", name: "_rebuild_parameter")
        var storageGlobals: [DType: PickleGlobal] = [:]
        let marker = i.makeClass("_StorageRef", module: "torch")
        var keys: [ObjectIdentifier: String] = [:]
        var records: [(String, [UInt8])] = []
        let writer = PickleWriter(i, protocol: 2)
        writer.reduceOverride = { v in
            guard let t = tensorPayload(v) else { return nil }
            if i.typeName(v) == "Parameter" {
                return .tuple([.object(rebuildParameter),
                               .tuple([try i.getAttribute(v, "data"), .bool(t.requiresGrad), try i.call(orderedDict, [])])])
            }
            var saved = t
            if t.device != .cpu { saved = try bridged { try t.to(device: .cpu, copy: true) } }
            let ref = i.makeInstance(marker, payload: StorageRef(tensor: saved, location: t.device.description))
            return .tuple([.object(rebuildTensor),
                           .tuple([ref, .int(saved.offset), .tuple(saved.sizes.map { .int($0) }),
                                   .tuple(saved.strides.map { .int($0) }), .bool(t.requiresGrad), try i.call(orderedDict, [])])])
        }
        writer.persistentID = { v in
            guard let ref = v.payload(StorageRef.self) else { return nil }
            let storage = ref.tensor.storage, dtype = ref.tensor.dtype
            let id = ObjectIdentifier(storage)
            let key: String
            if let k = keys[id] {
                key = k
            } else {
                key = String(keys.count)
                keys[id] = key
                let raw = UnsafeRawBufferPointer(start: storage.data, count: storage.byteCount)
                records.append(("data/" + key, Array(raw)))
            }
            let global = storageGlobals[dtype] ?? PickleGlobal(module: "torch", name: dtype.scalarTypeName + "Storage")
            storageGlobals[dtype] = global
            return .tuple([.str("storage"), .object(global), .str(key), .str(ref.location),
                           .int(storage.byteCount / dtype.itemSize)])
        }
        let pickle = try writer.dump(obj)
        var archive = PyTorchArchiveWriter(archiveName: archiveName)
        archive.add("data.pkl", pickle)
        archive.add(".format_version", Array("1".utf8))
        archive.add(".storage_alignment", Array("64".utf8))
        archive.add("byteorder", Array("little".utf8))
        var digest = UInt64(CRC32.checksum(pickle))
        for (name, data) in records {
            archive.add(name, data)
            digest = digest &* 1_000_003 &+ UInt64(CRC32.checksum(data))
        }
        archive.add("version", Array("3\n".utf8))
        // PyTorch draws this id at random; a digest of the content keeps saves reproducible.
        archive.add(".data/serialization_id", Array((Self.twentyDigits(digest) + Self.twentyDigits(digest &* 6_364_136_223_846_793_005 &+ 1)).utf8))
        return archive.finish()
    }

    private static func twentyDigits(_ v: UInt64) -> String {
        let s = String(v % 10_000_000_000_000_000_000)
        return String(repeating: "0", count: 20 - s.count) + s
    }

    // MARK: - Loading

    func deserialize(_ bytes: [UInt8], mapLocation: PyValue, weightsOnly: Bool, interp i: Interpreter) throws -> PyValue {
        _ = try i.importModule("pickle")
        guard PyTorchArchiveReader.isZip(bytes) else {
            if bytes.isEmpty { throw PyError(type: "EOFError", args: []) }
            if weightsOnly {
                throw PyError(type: "_pickle.UnpicklingError", message: "Weights only load failed. In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source.\nPlease file an issue with the following so that we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: \n\nUnsupported operand \(bytes[0])\n\nCheck the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")
            }
            throw PyError(type: "_pickle.UnpicklingError", message: "invalid load key, '\(bytes[0] >= 32 && bytes[0] < 127 ? String(UnicodeScalar(bytes[0])) : "\\x" + String(bytes[0], radix: 16))'.")
        }
        let archive = try PyTorchArchiveReader(bytes)
        guard let pickle = archive.record("data.pkl") else {
            throw PyError.runtimeError("PytorchStreamReader failed locating file data.pkl: file not found")
        }
        var storages: [String: LoadedStorage] = [:]
        let storageClass = i.makeClass("TypedStorage", module: "torch.storage")
        let reader = PickleReader(i, pickle)
        let torchModule = try i.importModule("torch")
        reader.findClass = { [unowned self] module, name in
            try self.findGlobal(module, name, weightsOnly: weightsOnly, torchModule: torchModule, mapLocation: mapLocation, interp: i)
        }
        reader.persistentLoad = { pid in
            let parts = try i.iterate(pid)
            guard parts.count == 5, case .str("storage") = parts[0], case .str(let key) = parts[2],
                  case .str(let location) = parts[3] else {
                throw PyError(type: "_pickle.UnpicklingError", message: "Unknown typename for persistent_load, expected 'storage' but got '\(try i.str(parts.first ?? .none))'")
            }
            if let s = storages[key] { return i.makeInstance(storageClass, payload: s) }
            guard let data = archive.record("data/" + key) else {
                throw PyError.runtimeError("PytorchStreamReader failed locating file data/\(key): file not found")
            }
            var dtype = DType.float32
            if case .object(let o) = parts[1], let g = o as? PickleGlobal {
                let typeName = g.name.hasSuffix("Storage") ? String(g.name.dropLast(7)) : g.name
                dtype = DType.allCases.first { $0.scalarTypeName == typeName } ?? .uint8
            }
            let storage = try bridged { try Storage(byteCount: data.count) }
            data.withUnsafeBytes { src in
                if let base = src.baseAddress, !data.isEmpty { storage.data.copyMemory(from: base, byteCount: data.count) }
            }
            let loaded = LoadedStorage(storage: storage, dtype: dtype, location: location)
            storages[key] = loaded
            return i.makeInstance(storageClass, payload: loaded)
        }
        return try reader.load()
    }

    private func findGlobal(_ module: String, _ name: String, weightsOnly: Bool, torchModule: PyModule,
                            mapLocation: PyValue, interp i: Interpreter) throws -> PyValue {
        let full = module + "." + name
        switch full {
        case "torch._utils._rebuild_tensor_v2":
            return i.makeFunction("_rebuild_tensor_v2") { [unowned self] i, a in
                guard a.count >= 6, let loaded = a[0].payload(LoadedStorage.self) else {
                    throw PyError.typeError("_rebuild_tensor_v2() expects a storage and the tensor's layout")
                }
                func int(_ v: PyValue) throws -> Int {
                    guard let n = try i.index(v) else { throw PyError.typeError("_rebuild_tensor_v2() expects ints in the layout") }
                    return n
                }
                let sizes = try i.iterate(a[2]).map(int)
                let strides = try i.iterate(a[3]).map(int)
                let t = Tensor(storage: loaded.storage, sizes: sizes, strides: strides, offset: try int(a[1]), dtype: loaded.dtype)
                var v = self.wrap(t)
                v = try self.place(v, location: loaded.location, mapLocation: mapLocation, interp: i)
                if try i.truthy(a[4]) { try i.setAttribute(v, "requires_grad", .true) }
                return v
            }
        case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state":
            return i.makeFunction("_rebuild_parameter") { i, a in
                let nn = try i.importModule("torch.nn")
                return try i.call(nn["Parameter"]!, [a[0], a.count > 1 ? a[1] : .true])
            }
        case "collections.OrderedDict":
            return try i.importModule("collections")["OrderedDict"]!
        case "torch.nn.parameter.Parameter":
            return try i.importModule("torch.nn")["Parameter"]!
        case "torch.Size", "torch.device", "torch.Tensor":
            return torchModule[name]!
        default:
            break
        }
        // Module classes pickled under PyTorch's file names (torch.nn.modules.linear.Linear).
        if module.hasPrefix("torch.nn.modules."), !weightsOnly, let cls = try i.importModule("torch.nn")[name] { return cls }
        // Optimizers and data classes carry PyTorch's file names too (torch.optim.sgd.SGD).
        for package in ["torch.optim", "torch.utils.data"] where module.hasPrefix(package + ".") && !weightsOnly {
            if let cls = try i.importModule(package)[name] { return cls }
        }
        if module == "torch" && name.hasSuffix("Storage") { return .object(PickleGlobal(module: module, name: name)) }
        if module == "torch", DType.allCases.contains(where: { $0.name == name }), let d = torchModule[name] { return d }
        // The rest of `_get_allowed_globals` in torch/_weights_only_unpickler.py.
        if ["_codecs.encode", "builtins.bytearray", "builtins.set", "builtins.complex", "collections.Counter"].contains(full) {
            return try PickleReader.defaultFind(i, module, name)
        }
        if weightsOnly {
            for g in safeGlobals where try Self.globalName(g, i) == full { return g }
            throw PyError(type: "_pickle.UnpicklingError", message: Self.weightsOnlyMessage(full))
        }
        if module == "__main__" { return try i.getAttribute(.object(i.main), name) }
        return try PickleReader.defaultFind(i, module, name)
    }

    private static func globalName(_ v: PyValue, _ i: Interpreter) throws -> String {
        let module = try i.str(try i.getAttribute(v, "__module__"))
        let name = try i.str(try i.getAttribute(v, "__qualname__"))
        return module + "." + name
    }

    static func weightsOnlyMessage(_ full: String) -> String {
        "Weights only load failed. This file can still be loaded, to do so you have two options, "
            + "\u{1b}[1mdo those steps only if you trust the source of the checkpoint\u{1b}[0m. "
            + "\n\t(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
            + "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, "
            + "but it can result in arbitrary code execution. Do it only if you got the file from a trusted source."
            + "\n\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the "
            + "following error message.\n\tWeightsUnpickler error: Unsupported global: GLOBAL \(full) was not an "
            + "allowed global by default. Please use `torch.serialization.add_safe_globals([\(full)])` or the "
            + "`torch.serialization.safe_globals([\(full)])` context manager to allowlist this global if you trust "
            + "this class/function.\n\nCheck the documentation of torch.load to learn more about types accepted by "
            + "default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html."
    }

    /// Moves a loaded tensor where `map_location` (or its saved location) says.
    private func place(_ v: PyValue, location: String, mapLocation: PyValue, interp i: Interpreter) throws -> PyValue {
        var target: PyValue = .str(location)
        switch mapLocation {
        case .none:
            if location.hasPrefix("cuda") && !TorchModule.cudaAvailable {
                throw PyError.runtimeError("Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")
            }
        case .str:
            target = mapLocation
        default:
            if let d = mapLocation.asDict {
                if let mapped = try? d.get(.str(location)) { target = mapped }
            } else if i.typeName(mapLocation) == "device" {
                target = mapLocation
            } else {
                let r = try i.call(mapLocation, [v, .str(location)])
                return r.isNone ? v : r
            }
        }
        if case .str("cpu") = target { return v }
        return try i.callMethod(v, "to", [target])
    }
}

/// A tensor whose storage torch.save writes as a record (the object a persistent id names).
final class StorageRef {
    let tensor: Tensor
    let location: String
    init(tensor: Tensor, location: String) { self.tensor = tensor; self.location = location }
}

/// A storage read back by torch.load: shared by every tensor that viewed it when saved.
final class LoadedStorage {
    let storage: Storage
    let dtype: DType
    let location: String
    init(storage: Storage, dtype: DType, location: String) { self.storage = storage; self.dtype = dtype; self.location = location }
}

extension Interpreter {
    /// The running Python frames, outermost first, as CPython's `traceback.format_stack()`
    /// lists them (`  File "f", line N, in name` and the stripped source line), without
    /// column markers. Autograd's anomaly mode records it for each forward op, to show
    /// where the op that failed in backward came from.
    public func stackSummary() -> String {
        var entries: [String] = []
        var frame = currentFrame
        while let f = frame {
            var text = "  File \"\(f.code.file)\", line \(f.line), in \(f.code.name)\n"
            if let src = f.code.source.line(f.line) {
                var stripped = src.drop { $0 == " " || $0 == "\t" }
                while let last = stripped.last, last == " " || last == "\t" || last == "\r" { stripped = stripped.dropLast() }
                if !stripped.isEmpty { text += "    " + stripped + "\n" }
            }
            entries.append(text)
            // A generator's frame outlives the call that started it: its caller link is stale.
            if f.generator != nil { break }
            frame = f.caller
        }
        return entries.reversed().joined()
    }
}

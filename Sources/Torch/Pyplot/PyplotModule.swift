import Figures
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Interpreter

/// `import matplotlib.pyplot as plt`: the pyplot API is written in the cell language
/// (`Python/matplotlib.pyplot/`), keeping each figure's state as plain dicts; the native
/// `matplotlib._backend` turns plotted values into numbers, checks colors and colormaps,
/// and hands shown figures to the session's `FigureRecorder`.
public enum PyplotModule {
    /// Registers `matplotlib`, `matplotlib.pyplot` and `matplotlib.colors` with `interp`
    /// (loaded at first import); the returned recorder collects the figures each cell shows.
    public static func install(into interp: Interpreter) -> FigureRecorder {
        let recorder = FigureRecorder()
        interp.registerModule(name: "matplotlib._backend") { _, module in
            buildBackend(module, recorder)
        }
        for name in moduleNames {
            guard let text = NNSources.source(of: name) else {
                preconditionFailure("Torch resource bundle lacks the Python source of \(name)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacing(".", with: "/")).py>")
        }
        return recorder
    }

    static let moduleNames = ["matplotlib", "matplotlib.colors", "matplotlib.pyplot"]

    private static func buildBackend(_ m: PyModule, _ recorder: FigureRecorder) {
        m.addFunction("array") { interp, args in
            let array = try PlotArray(args[0], interp)
            return .tuple([.list(array.values.map { .float($0) }), .tuple(array.shape.map { .int($0) })])
        }
        m.addFunction("color") { interp, args in
            if let hex = try color(args[0], interp) { return .str(hex) }
            let shown = (try? interp.repr(args[0])) ?? "?"
            throw PyError.valueError("\(shown) is not a valid value for color: supported inputs are (r, g, b) and (r, g, b, a) 0-1 float tuples; '#rrggbb', '#rrggbbaa', '#rgb', '#rgba' strings; named color strings; string reprs of 0-1 floats for grayscale values; 'C0', 'C1', ... strings for colors of the color cycle; and pairs combining one of the above with an alpha value")
        }
        m.addFunction("is_color") { interp, args in
            .bool((try? color(args[0], interp)) != nil)
        }
        m.addFunction("is_colormap") { _, args in
            .bool(args[0].asString.map(Colormaps.contains) ?? false)
        }
        m.addFunction("colormap_names") { _, _ in
            .list(Colormaps.names.map { .str($0) })
        }
        m.addFunction("opened") { _, args in
            recorder.open.append(args[0])
            return .none
        }
        m.addFunction("make_current") { _, args in
            recorder.makeCurrent(args[0])
            return .none
        }
        m.addFunction("close") { _, args in
            recorder.close(args[0])
            return .none
        }
        m.addFunction("close_all") { _, _ in
            recorder.open.removeAll()
            return .none
        }
        m.addFunction("figures") { _, _ in
            .list(recorder.open)
        }
        m.addFunction("show") { _, _ in
            recorder.showAll()
            return .none
        }
    }

    /// A color as `#rrggbb[aa]`, or nil when matplotlib would reject it.
    private static func color(_ value: PyValue, _ interp: Interpreter) throws -> String? {
        if let text = value.asString { return Colors.parse(text) }
        if case .object(let object) = value, object is PyTuple || object is PyList {
            let parts = try interp.iterate(value)
            if parts.count == 2, let base = parts[0].asString, let alpha = parts[1].asDouble {
                guard let hex = Colors.parse(base) else { return nil }
                let (r, g, b) = Colors.components(of: hex)
                return Colors.rgba([r, g, b, alpha])
            }
            let numbers = parts.compactMap(\.asDouble)
            guard numbers.count == parts.count else { return nil }
            return Colors.rgba(numbers)
        }
        return nil
    }
}

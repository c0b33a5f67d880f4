/// The notebook metadata Gradbook writes when it has none to keep: a Python 3 kernel, so
/// Jupyter and VS Code open the notebook with the right kernel and highlighting.
public enum NotebookDefaults {
    public static let metadata: JSONValue = .object([
        "kernelspec": .object([
            "display_name": .string("Python 3"),
            "language": .string("python"),
            "name": .string("python3"),
        ]),
        "language_info": .object([
            "codemirror_mode": .object(["name": .string("ipython"), "version": .int(3)]),
            "file_extension": .string(".py"),
            "mimetype": .string("text/x-python"),
            "name": .string("python"),
            "nbconvert_exporter": .string("python"),
            "pygments_lexer": .string("ipython3"),
        ]),
    ])
}

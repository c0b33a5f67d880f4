import Testing
@testable import Notebooks

/// Reading notebooks: the nbformat 4 rules, each broken rule reported with its cell.
@Suite struct NotebookReaderTests {
    private func error(_ text: String) -> String? {
        do {
            _ = try NotebookReader.parse(text, path: "nb.ipynb")
            return nil
        } catch {
            return error.report
        }
    }

    private func notebook(cells: String, minor: Int = 5) -> String {
        "{\"cells\": [\(cells)], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": \(minor)}"
    }

    @Test func malformedJSONNamesLineAndColumn() {
        #expect(error("{\n \"cells\": [\n  {\"cell_type\": \"code\",}\n ]\n}")
            == "nb.ipynb:3:24: error: not valid JSON: expected a string in double quotes as object key, found '}'")
    }

    @Test func onlyNbformat4() {
        #expect(error("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}")
            == "nb.ipynb:1:14: error: nbformat: nbformat 3 notebooks are not supported, only nbformat 4 "
               + "(open and save the notebook in a current Jupyter to convert it)")
        #expect(error("[]") == "nb.ipynb:1:1: error: a notebook must be an object, not an array")
        #expect(error("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}") == "nb.ipynb:1:1: error: missing required key 'cells'")
    }

    @Test func cellErrorsNameTheCell() {
        let markdown = "{\"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}, \"source\": \"x\"}"
        #expect(error(notebook(cells: markdown + ", {\"cell_type\": \"heading\", \"id\": \"b\", \"metadata\": {}, \"source\": \"\"}"))
            == "nb.ipynb:1:95: error: cells[1].cell_type: 'cell_type' must be \"markdown\", \"code\" or \"raw\", not \"heading\"")
        #expect(error(notebook(cells: "{\"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}, \"source\": [\"x\", 3]}"))
            == "nb.ipynb:1:81: error: cells[0].source[1]: 'source' must be a string or a list of strings, but item 1 is a number")
        #expect(error(notebook(cells: "{\"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}}"))
            == "nb.ipynb:1:12: error: cells[0]: missing required key 'source'")
        #expect(error(notebook(cells: "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"\"}"))
            == "nb.ipynb:1:12: error: cells[0]: missing required key 'id' (cell ids are required from nbformat 4.5 on)")
        #expect(error(notebook(cells: markdown + "," + markdown))
            == "nb.ipynb:1:112: error: cells[1].id: cell id 'a' is already the id of cells[0]; cell ids must be unique")
        #expect(error(notebook(cells: "{\"cell_type\": \"markdown\", \"id\": \"a b\", \"metadata\": {}, \"source\": \"\"}"))
            == "nb.ipynb:1:44: error: cells[0].id: cell id 'a b' must be 1 to 64 letters, digits, '-' or '_'")
    }

    @Test func codeCellAndOutputErrorsNameTheCellAndOutput() {
        func code(_ rest: String) -> String {
            notebook(cells: "{\"cell_type\": \"code\", \"id\": \"c\", \"metadata\": {}, \"source\": \"1\", \(rest)}", minor: 4)
        }
        #expect(error(code("\"execution_count\": null")) == "nb.ipynb:1:12: error: cells[0]: missing required key 'outputs'")
        #expect(error(code("\"execution_count\": -1, \"outputs\": []"))
            == "nb.ipynb:1:95: error: cells[0].execution_count: 'execution_count' must be a non-negative integer or null, not -1")
        #expect(error(code("\"execution_count\": 1, \"outputs\": [{\"output_type\": \"pyout\"}]"))
            == "nb.ipynb:1:126: error: cells[0].outputs[0].output_type: 'output_type' must be \"stream\", \"execute_result\", "
               + "\"display_data\" or \"error\", not \"pyout\"")
        #expect(error(code("\"execution_count\": 1, \"outputs\": [{\"output_type\": \"stream\", \"text\": \"x\"}]"))
            == "nb.ipynb:1:110: error: cells[0].outputs[0]: missing required key 'name'")
        #expect(error(code("\"execution_count\": 1, \"outputs\": [{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"text/plain\": 5}}]"))
            == "nb.ipynb:1:181: error: cells[0].outputs[0].data[\"text/plain\"]: 'text/plain' must be a string or a list of strings, not a number")
        #expect(error(code("\"execution_count\": 1, \"outputs\": [{\"output_type\": \"error\", \"ename\": \"E\", \"evalue\": \"\", \"traceback\": \"x\"}]"))
            == "nb.ipynb:1:176: error: cells[0].outputs[0].traceback: 'traceback' must be a list of strings, not a string")
    }

    @Test func aNotebookWithoutIdsBefore45IsFine() throws {
        let read = try NotebookReader.parse(notebook(cells: "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": [\"a\\n\", \"b\"]}", minor: 4),
                                            path: "nb.ipynb")
        #expect(read.cells == [NotebookCell(kind: .raw, source: "a\nb")])
    }

    /// Reading and writing a notebook nbformat wrote gives its bytes back.
    @Test(arguments: ["errors.ipynb", "media.ipynb"])
    func writingGivesNbformatsBytes(_ name: String) throws {
        let notebook = try NotebookReader.parse(try Fixture.bytes(name), path: name)
        #expect(NotebookWriter.write(notebook) == (try Fixture.text(name)))
    }
}

import Testing
import Interpreter

/// `logging` writes to `sys.stderr` by default, which the host shows apart from a cell's
/// output (like warnings); a handler on `sys.stdout` prints into the output.
@Suite struct LoggingStreamTests {
    @Test func rootLoggerMessagesGoToTheWarningSink() {
        let interp = Interpreter()
        var stderr = ""
        interp.warnings = { stderr += $0 }
        let run = interp.runCell("""
            import logging
            logging.basicConfig(level=logging.INFO)
            logging.info('epoch %d', 1)
            logging.getLogger('train').warning('slow')
            print('done')
            """, file: "l.md", firstLine: 1, timeout: 30)
        #expect(run.error == nil)
        #expect(run.output == "done\n")
        #expect(stderr == "INFO:root:epoch 1\nWARNING:train:slow\n")
    }

    @Test func loggersWithoutHandlersUseTheLastResort() {
        let interp = Interpreter()
        var stderr = ""
        interp.warnings = { stderr += $0 }
        let run = interp.runCell("""
            import logging, sys
            log = logging.getLogger('quiet')
            log.warning('only the message')
            log.info('dropped')
            logging.getLogger('loud').addHandler(logging.StreamHandler(sys.stdout))
            logging.getLogger('loud').error('to the output')
            """, file: "l.md", firstLine: 1, timeout: 30)
        #expect(run.error == nil)
        #expect(run.output == "to the output\n")
        #expect(stderr == "only the message\n")
    }

    @Test func configurationLastsAcrossCells() {
        let interp = Interpreter()
        var stderr = ""
        interp.warnings = { stderr += $0 }
        _ = interp.runCell("import logging\nlogging.basicConfig(format='%(levelname)s - %(message)s', level='DEBUG')",
                           file: "l.md", firstLine: 1, timeout: 30)
        let run = interp.runCell("import logging\nlogging.debug('second cell')", file: "l.md", firstLine: 3, timeout: 30)
        #expect(run.error == nil)
        #expect(stderr == "DEBUG - second cell\n")
    }
}

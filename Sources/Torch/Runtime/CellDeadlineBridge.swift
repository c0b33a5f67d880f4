import Autograd
import Interpreter
import Tensors

/// Hands the interpreter's per-cell deadline to the Tensors layer's native loops
/// (`CellDeadline`), so a cell's `timeout` holds inside one long tensor operation too.
/// Cells run on fresh threads and generator bodies on their own: the deadline follows the
/// thread that runs Python code, as grad mode does.
enum CellDeadlineBridge {
    static func install(on interp: Interpreter) {
        interp.deadlineChanged = { deadline, description in
            if deadline == .max { CellDeadline.end() } else { CellDeadline.begin(deadline, description: description) }
        }
        let entered = interp.threadEntered, leaving = interp.threadLeaving
        interp.threadEntered = { [unowned interp] in
            entered?()
            let (deadline, description) = interp.cellDeadline
            if deadline != .max { CellDeadline.begin(deadline, description: description) }
        }
        interp.threadLeaving = {
            leaving?()
            CellDeadline.end()
        }
    }

    /// After a native body returned normally: a kernel in it that stopped for the deadline
    /// left an incomplete result, which must not reach Python.
    @inline(__always)
    static func checkAfterNative() throws {
        if CellDeadline.tripped { throw TensorError.timedOut("").python }
        if SavedTensorHookFailure.anyPending, let parked = SavedTensorHookFailure.take() {
            throw (parked as? TensorError)?.python ?? parked
        }
    }

    /// `value`, once `checkAfterNative` passed.
    @inline(__always)
    static func checked(_ value: PyValue) throws -> PyValue {
        try checkAfterNative()
        return value
    }
}

import Tensors

/// softmax / log_softmax over the last dimension of contiguous rows, one thread per row,
/// computed in PyTorch's accumulation type (float for float32 and half types).
/// Slot s[0] holds the row length. Operands: 0 output, 1 input (backward: 1 grad, 2 output).
enum SoftmaxSource {
    static func forward(_ dtype: DType, log: Bool) -> KernelSource {
        let t = CType(dtype)
        let A = t.isDouble ? "double" : "float"
        func m(_ f: String) -> String { t.isDouble ? f : f + "f" }
        let name = "gb_\(log ? "log_softmax" : "softmax")_\(t.tag)"
        let write = log
            ? "out_[c] = \(t.store("(\(A))\(t.load("in_[c]")) - max_ - lse_"));"
            : "out_[c] = \(t.store("\(m("exp"))((\(A))\(t.load("in_[c]")) - max_) / sum_"));"
        let body = """
        GB_KERNEL(\(name)) {
          long long cols_ = a.s[0];
          GB_GRID_LOOP(row, a.n) {
            const \(t.storage) *in_ = (const \(t.storage)*)a.ptr[1] + row * cols_;
            \(t.storage) *out_ = (\(t.storage)*)a.ptr[0] + row * cols_;
            \(A) max_ = -\(t.isDouble ? "GB_INF" : "GB_INFF");
            for (long long c = 0; c < cols_; c++) { \(A) v = (\(A))\(t.load("in_[c]")); if (v != v || v > max_) max_ = v; }
            \(A) sum_ = 0;
            for (long long c = 0; c < cols_; c++) sum_ += \(m("exp"))((\(A))\(t.load("in_[c]")) - max_);
            \(A) lse_ = \(m("log"))(sum_); (void)lse_;
            for (long long c = 0; c < cols_; c++) { \(write) }
          }
        }

        """
        return KernelSource(name: name, body: body)
    }

    static func backward(_ dtype: DType, log: Bool) -> KernelSource {
        let t = CType(dtype)
        let A = t.isDouble ? "double" : "float"
        func m(_ f: String) -> String { t.isDouble ? f : f + "f" }
        let name = "gb_\(log ? "log_softmax" : "softmax")_backward_\(t.tag)"
        let g = "(\(A))\(t.load("g_[c]"))", y = "(\(A))\(t.load("y_[c]"))"
        let reduce = log ? "sum_ += \(g);" : "sum_ += \(g) * \(y);"
        let write = log
            ? "gi_[c] = \(t.store("\(g) - \(m("exp"))(\(y)) * sum_"));"
            : "gi_[c] = \(t.store("\(y) * (\(g) - sum_)"));"
        let body = """
        GB_KERNEL(\(name)) {
          long long cols_ = a.s[0];
          GB_GRID_LOOP(row, a.n) {
            \(t.storage) *gi_ = (\(t.storage)*)a.ptr[0] + row * cols_;
            const \(t.storage) *g_ = (const \(t.storage)*)a.ptr[1] + row * cols_;
            const \(t.storage) *y_ = (const \(t.storage)*)a.ptr[2] + row * cols_;
            \(A) sum_ = 0;
            for (long long c = 0; c < cols_; c++) { \(reduce) }
            for (long long c = 0; c < cols_; c++) { \(write) }
          }
        }

        """
        return KernelSource(name: name, body: body)
    }
}

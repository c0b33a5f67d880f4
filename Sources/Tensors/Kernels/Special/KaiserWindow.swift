/// `kaiser_window`'s element formula, as ATen's CPU kernel evaluates it in the element's
/// precision: `i0(beta * sqrt(|1 - ((k - alpha) / alpha)^2|)) / i0(beta)` with
/// `alpha = (n - 1) / 2`, over positions `k = 0..<n`.
extension Tensor {
    public static func kaiserWindowValues(length n: Int, beta: Double, dtype: DType, device: Device = .cpu) throws(TensorError) -> Tensor {
        func values<T: RealElement>(_: T.Type) -> [Double] {
            let alpha = T(Double(n - 1) / 2), b = T(beta)
            let denominator = BesselFamily.i0(b)
            return (0..<n).map { k in
                let r = (T(k) - alpha) / alpha
                // GCC folds pow(r, 2) to r·r and contracts 1 − r·r into one fused multiply-add.
                let inner = Swift.abs(T(1).addingProduct(-r, r)).squareRoot()
                return Double(BesselFamily.i0(b * inner) / denominator)
            }
        }
        let v = dtype == .float64 ? values(Double.self) : values(Float.self)
        return try Tensor(values: v, shape: [n], dtype: dtype, device: device)
    }
}

/// A tensor's elements as the printer reads them: by flat row-major index.
///
/// Reading through a closure lets a strided or summarised tensor be printed without first
/// copying all of its elements; only the displayed ones are ever read.
public enum TensorElements {
    /// Floating dtypes (float16/bfloat16/float32 widened exactly to `Double`).
    case floating((Int) -> Double)
    /// Integer dtypes.
    case integer((Int) -> Int64)
    /// `torch.bool`.
    case boolean((Int) -> Bool)
    /// Complex dtypes: (real, imaginary), each widened exactly to `Double`.
    case complex((Int) -> (Double, Double))

    public static func floating(_ values: [Double]) -> TensorElements { .floating { values[$0] } }
    public static func integer(_ values: [Int64]) -> TensorElements { .integer { values[$0] } }
    public static func boolean(_ values: [Bool]) -> TensorElements { .boolean { values[$0] } }
}

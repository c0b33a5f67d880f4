#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's ziggurat samplers (numpy/random/src/distributions/distributions.c): the normal
/// and exponential draws of `Generator`. 256 layers; a draw is one 64-bit word (layer index,
/// sign and mantissa) accepted at once 99% of the time, with the wedge and tail fallbacks.
extension BitGenerator {
    static var zigguratNormalR: Double { 3.6541528853610087963519472518 }
    static var zigguratNormalInvR: Double { 0.27366123732975827203338247596 }
    static var zigguratExponentialR: Double { 7.6971174701310497140446280481 }

    /// `random_standard_normal`.
    public func standardNormalZiggurat() -> Double {
        let ki = ZigguratTables.kiDouble, wi = ZigguratTables.wiDouble, fi = ZigguratTables.fiDouble
        while true {
            var r = nextUInt64()
            let index = Int(r & 0xff)
            r >>= 8
            let sign = r & 1
            let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff
            var x = Double(rabs) * wi[index]
            if sign & 1 != 0 { x = -x }
            if rabs < ki[index] { return x }
            if index == 0 {
                while true {
                    let xx = -Self.zigguratNormalInvR * log(1.0 - nextDouble())
                    let yy = -log(1.0 - nextDouble())
                    if yy + yy > xx * xx {
                        return (rabs >> 8) & 1 != 0 ? -(Self.zigguratNormalR + xx) : Self.zigguratNormalR + xx
                    }
                }
            } else if (fi[index - 1] - fi[index]) * nextDouble() + fi[index] < exp(-0.5 * x * x) {
                return x
            }
        }
    }

    /// `random_standard_normal_f`: the float32 ziggurat on 32-bit words.
    public func standardNormalZigguratFloat() -> Float {
        let ki = ZigguratTables.kiFloat, wi = ZigguratTables.wiFloat, fi = ZigguratTables.fiFloat
        let r32: Float = 3.6541528853610087963519472518, invR32: Float = 0.27366123732975827203338247596
        while true {
            let r = nextUInt32()
            let index = Int(r & 0xff)
            let sign = (r >> 8) & 1
            let rabs = (r >> 9) & 0x007f_ffff
            var x = Float(rabs) * wi[index]
            if sign & 1 != 0 { x = -x }
            if rabs < ki[index] { return x }
            if index == 0 {
                while true {
                    let xx = -invR32 * logf(1.0 - nextFloat())
                    let yy = -logf(1.0 - nextFloat())
                    if yy + yy > xx * xx {
                        return (rabs >> 8) & 1 != 0 ? -(r32 + xx) : r32 + xx
                    }
                }
            } else if Double((fi[index - 1] - fi[index]) * nextFloat() + fi[index]) < exp(-0.5 * Double(x) * Double(x)) {
                return x
            }
        }
    }

    /// `random_standard_exponential_zig`.
    public func standardExponentialZiggurat() -> Double {
        var ri = nextUInt64()
        ri >>= 3
        let index = Int(ri & 0xff)
        ri >>= 8
        let x = Double(ri) * ZigguratTables.weDouble[index]
        if ri < ZigguratTables.keDouble[index] { return x }
        return standardExponentialZigguratUnlikely(index: index, x: x)
    }

    private func standardExponentialZigguratUnlikely(index: Int, x: Double) -> Double {
        let fe = ZigguratTables.feDouble
        if index == 0 {
            return Self.zigguratExponentialR - log(1.0 - nextDouble())
        } else if (fe[index - 1] - fe[index]) * nextDouble() + fe[index] < exp(-x) {
            return x
        }
        return standardExponentialZiggurat()
    }

    /// `random_standard_exponential_zig_f`.
    public func standardExponentialZigguratFloat() -> Float {
        var ri = nextUInt32()
        ri >>= 1
        let index = Int(ri & 0xff)
        ri >>= 8
        let x = Float(ri) * ZigguratTables.weFloat[index]
        if ri < ZigguratTables.keFloat[index] { return x }
        let fe = ZigguratTables.feFloat
        if index == 0 {
            return Float(7.6971174701310497140446280481) - logf(1.0 - nextFloat())
        } else if (fe[index - 1] - fe[index]) * nextFloat() + fe[index] < expf(-x) {
            return x
        }
        return standardExponentialZigguratFloat()
    }

    /// `random_standard_exponential`: inversion, -log(1 - U) (`method='inv'`).
    public func standardExponentialInversion() -> Double {
        -log(1.0 - nextDouble())
    }
}

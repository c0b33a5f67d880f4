/// `np.set_printoptions` state (NumPy 2.4 defaults).
struct PrintOptions {
    var precision = 8
    var threshold = 1000
    var edgeitems = 3
    var linewidth = 75
    var suppress = false
    var nanstr = "nan"
    var infstr = "inf"
    var sign = "-"
    var floatmode = "maxprec"
    var legacy: String? = nil
}

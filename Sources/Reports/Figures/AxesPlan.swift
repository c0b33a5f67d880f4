import Figures

/// The shown limits of a set of axes, found from its artists as matplotlib autoscales:
/// 5% margins, none past a bar's baseline or an image's or contour grid's edge.
struct AxesLimits {
    var x: (Double, Double)
    var y: (Double, Double)
    /// An image makes data units square on the page (`aspect='equal'`).
    var equalAspect: Bool

    init(_ axes: Axes) {
        var xr = DataRange(), yr = DataRange()
        xr.log = axes.xscale == .log
        yr.log = axes.yscale == .log
        var invertY = false
        var equalAspect = false
        var images = 0
        for artist in axes.artists {
            switch artist {
            case .line(let a):
                xr.include(a.x)
                yr.include(a.y)
            case .scatter(let a):
                xr.include(a.x)
                yr.include(a.y)
            case .errorBar(let a):
                xr.include(zip(a.x, a.xerrBelow ?? Numbers(a.x.map { _ in 0 })).map { $0 - $1 })
                xr.include(zip(a.x, a.xerrAbove ?? Numbers(a.x.map { _ in 0 })).map { $0 + $1 })
                yr.include(zip(a.y, a.yerrBelow ?? Numbers(a.y.map { _ in 0 })).map { $0 - $1 })
                yr.include(zip(a.y, a.yerrAbove ?? Numbers(a.y.map { _ in 0 })).map { $0 + $1 })
            case .bars(let a):
                xr.include(a.x)
                xr.include(zip(a.x, a.width).map { $0 + $1 })
                yr.include(a.y)
                yr.include(zip(a.y, a.height).map { $0 + $1 })
                if a.horizontal { xr.sticky += Array(a.x) } else { yr.sticky += Array(a.y) }
            case .band(let a):
                xr.include(a.x)
                yr.include(a.y1)
                yr.include(a.y2)
            case .referenceLine(let a):
                if a.vertical { xr.include([a.value]) } else { yr.include([a.value]) }
            case .image(let a):
                let e = Self.extent(a)
                xr.include([e[0], e[1]])
                yr.include([e[2], e[3]])
                xr.sticky += [e[0], e[1]]
                yr.sticky += [e[2], e[3]]
                invertY = !a.originLower && a.extent == nil
                equalAspect = true
                images += 1
            case .contour(let a):
                xr.include(a.x)
                yr.include(a.y)
                xr.sticky += [a.x.min() ?? 0, a.x.max() ?? 0]
                yr.sticky += [a.y.min() ?? 0, a.y.max() ?? 0]
            case .text:
                break
            }
        }
        x = xr.limits(axes.xlim)
        y = yr.limits(axes.ylim)
        if invertY, axes.ylim.lower == nil, axes.ylim.upper == nil { y = (y.1, y.0) }
        self.equalAspect = equalAspect && images > 0
    }

    /// left, right, bottom, top of an image in data coordinates.
    static func extent(_ image: Image) -> [Double] {
        if let e = image.extent, e.count == 4 { return e }
        let w = Double(image.columns), h = Double(image.rows)
        return image.originLower ? [-0.5, w - 0.5, -0.5, h - 0.5] : [-0.5, w - 0.5, h - 0.5, -0.5]
    }
}

/// The ticks of one axis and their labels.
struct AxisTicks {
    var major: [Double] = []
    var labels: [String] = []
    /// Exponents drawn as superscripts after "10" (log axes).
    var exponents: [String]?
    var minor: [Double] = []
    var multiplier: String?

    init(map: AxisMap, marks: TickMarks?, bins: Int) {
        if let marks {
            major = Array(marks.positions)
            labels = marks.labels.map { Array($0.prefix(major.count)) + Array(repeating: "", count: max(0, major.count - $0.count)) }
                ?? TickFormatter.linear(major, lower: map.lower, upper: map.upper).texts
        } else if map.log {
            let ticks = TickLocator.log(min(map.lower, map.upper), max(map.lower, map.upper), bins: bins)
            major = ticks.major
            minor = ticks.minor.filter(map.shows)
            labels = major.map { _ in "10" }
            exponents = major.map(TickFormatter.exponent(of:))
        } else {
            major = TickLocator.linear(map.lower, map.upper, bins: bins)
            let formatted = TickFormatter.linear(major, lower: map.lower, upper: map.upper)
            labels = formatted.texts
            multiplier = formatted.multiplier
        }
        var keptMajor: [Double] = [], keptLabels: [String] = [], keptExponents: [String] = []
        for (index, value) in major.enumerated() where map.shows(value) {
            keptMajor.append(value)
            keptLabels.append(labels[index])
            if let exponents { keptExponents.append(exponents[index]) }
        }
        major = keptMajor
        labels = keptLabels
        if exponents != nil { exponents = keptExponents }
    }

    /// The widest label, in points at 10 pt.
    var widestLabel: Double {
        labels.indices.map { i in
            FontMetrics.width(labels[i], size: 10) + (exponents.map { FontMetrics.width($0[i], size: 7) } ?? 0)
        }.max() ?? 0
    }
}

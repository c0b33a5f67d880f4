/// Something drawn in a set of axes. Colors are `#rrggbb` (or `#rrggbbaa`) strings, already
/// resolved from whatever the cell wrote (`'r'`, `'C1'`, `'tab:blue'`, `(0.1, 0.2, 0.3)`).
public enum Artist: Sendable, Equatable {
    case line(Line)
    case scatter(Scatter)
    case bars(Bars)
    case image(Image)
    case contour(Contour)
    case referenceLine(ReferenceLine)
    case band(Band)
    case errorBar(ErrorBar)
    case text(Text)

    /// The legend entry's text; nil (or a name starting with `_`) keeps it out of the legend.
    public var label: String? {
        switch self {
        case .line(let a): a.label
        case .scatter(let a): a.label
        case .bars(let a): a.label
        case .referenceLine(let a): a.label
        case .band(let a): a.label
        case .errorBar(let a): a.label
        case .contour(let a): a.label
        case .image, .text: nil
        }
    }
}

/// How a line is stroked and marked: matplotlib's `'-'`, `'--'`, `':'`, `'-.'` or `''` (none),
/// and marker letters `o . s ^ v < > x + * D d p h |` or nil.
public struct Stroke: Sendable, Codable, Equatable {
    public var color: String
    public var width: Double
    public var style: String
    public var marker: String?
    public var markerSize: Double
    public var alpha: Double

    public init(color: String, width: Double = 1.5, style: String = "-", marker: String? = nil,
                markerSize: Double = 6, alpha: Double = 1) {
        self.color = color
        self.width = width
        self.style = style
        self.marker = marker
        self.markerSize = markerSize
        self.alpha = alpha
    }
}

/// `plot`: a polyline through (x, y); NaN points break it.
public struct Line: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y: Numbers
    public var stroke: Stroke
    public var label: String?
    public init(x: Numbers, y: Numbers, stroke: Stroke, label: String? = nil) {
        self.x = x
        self.y = y
        self.stroke = stroke
        self.label = label
    }
}

/// `scatter`: markers of area `sizes` (points², one value for all or one per point), filled
/// with `color`, or with `values` mapped through `colormap`.
public struct Scatter: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y: Numbers
    public var sizes: Numbers
    public var color: String
    public var values: Numbers?
    public var colormap: String
    public var vmin: Double?
    public var vmax: Double?
    public var marker: String
    public var alpha: Double
    public var edgeColor: String?
    public var label: String?
    public init(x: Numbers, y: Numbers, sizes: Numbers = [36], color: String, values: Numbers? = nil,
                colormap: String = "viridis", vmin: Double? = nil, vmax: Double? = nil, marker: String = "o",
                alpha: Double = 1, edgeColor: String? = nil, label: String? = nil) {
        self.x = x
        self.y = y
        self.sizes = sizes
        self.color = color
        self.values = values
        self.colormap = colormap
        self.vmin = vmin
        self.vmax = vmax
        self.marker = marker
        self.alpha = alpha
        self.edgeColor = edgeColor
        self.label = label
    }
}

/// `bar`, `barh` and `hist`: rectangles in data coordinates, each from (x, y) with size
/// (width, height). The value axis sticks to the baseline (no margin below a bar chart's 0).
public struct Bars: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y: Numbers
    public var width: Numbers
    public var height: Numbers
    public var color: String
    public var edgeColor: String?
    public var alpha: Double
    /// `true` for `barh`: the baseline is vertical.
    public var horizontal: Bool
    public var label: String?
    public init(x: Numbers, y: Numbers, width: Numbers, height: Numbers, color: String, edgeColor: String? = nil,
                alpha: Double = 1, horizontal: Bool = false, label: String? = nil) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.color = color
        self.edgeColor = edgeColor
        self.alpha = alpha
        self.horizontal = horizontal
        self.label = label
    }
}

/// `imshow`: a rows × columns grid, row-major, with 1 channel (mapped through `colormap`
/// between vmin and vmax) or 3/4 channels (RGB(A) in 0...1). Pixel (r, c) covers
/// [c - 0.5, c + 0.5] unless `extent` says otherwise; row 0 is at the top (`origin='upper'`).
public struct Image: Sendable, Codable, Equatable {
    public var rows: Int
    public var columns: Int
    public var channels: Int
    public var values: Numbers
    public var colormap: String
    public var vmin: Double?
    public var vmax: Double?
    /// left, right, bottom, top in data coordinates.
    public var extent: [Double]?
    public var originLower: Bool
    public var alpha: Double
    public init(rows: Int, columns: Int, channels: Int = 1, values: Numbers, colormap: String = "viridis",
                vmin: Double? = nil, vmax: Double? = nil, extent: [Double]? = nil, originLower: Bool = false, alpha: Double = 1) {
        self.rows = rows
        self.columns = columns
        self.channels = channels
        self.values = values
        self.colormap = colormap
        self.vmin = vmin
        self.vmax = vmax
        self.extent = extent
        self.originLower = originLower
        self.alpha = alpha
    }
}

/// `contour` and `contourf` over a rectilinear grid: `z` has `y.count` rows of `x.count`
/// values (a meshgrid reduced to its axes). `levels` nil: chosen as matplotlib does (nice
/// numbers); `levelCount` asks for about that many.
public struct Contour: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y: Numbers
    public var z: Numbers
    public var filled: Bool
    public var levels: Numbers?
    public var levelCount: Int?
    public var colormap: String
    /// Explicit colors, one per level (lines) or band (filled), cycling when short.
    public var colors: [String]?
    public var alpha: Double
    public var lineWidth: Double
    public var label: String?
    public init(x: Numbers, y: Numbers, z: Numbers, filled: Bool, levels: Numbers? = nil, levelCount: Int? = nil,
                colormap: String = "viridis", colors: [String]? = nil, alpha: Double = 1, lineWidth: Double = 1.5,
                label: String? = nil) {
        self.x = x
        self.y = y
        self.z = z
        self.filled = filled
        self.levels = levels
        self.levelCount = levelCount
        self.colormap = colormap
        self.colors = colors
        self.alpha = alpha
        self.lineWidth = lineWidth
        self.label = label
    }
}

/// `axhline` (vertical: false) and `axvline`: a line across the axes at `value`, spanning the
/// fraction `from...to` of the axes.
public struct ReferenceLine: Sendable, Codable, Equatable {
    public var vertical: Bool
    public var value: Double
    public var from: Double
    public var to: Double
    public var stroke: Stroke
    public var label: String?
    public init(vertical: Bool, value: Double, from: Double = 0, to: Double = 1, stroke: Stroke, label: String? = nil) {
        self.vertical = vertical
        self.value = value
        self.from = from
        self.to = to
        self.stroke = stroke
        self.label = label
    }
}

/// `fill_between`: the area between y1 and y2 over x.
public struct Band: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y1: Numbers
    public var y2: Numbers
    public var color: String
    public var alpha: Double
    public var label: String?
    public init(x: Numbers, y1: Numbers, y2: Numbers, color: String, alpha: Double = 1, label: String? = nil) {
        self.x = x
        self.y1 = y1
        self.y2 = y2
        self.color = color
        self.alpha = alpha
        self.label = label
    }
}

/// `errorbar`: a line (or markers) with whiskers; `yerr`/`xerr` hold (below, above) per point.
public struct ErrorBar: Sendable, Codable, Equatable {
    public var x: Numbers
    public var y: Numbers
    public var yerrBelow: Numbers?
    public var yerrAbove: Numbers?
    public var xerrBelow: Numbers?
    public var xerrAbove: Numbers?
    public var stroke: Stroke
    public var capSize: Double
    public var label: String?
    public init(x: Numbers, y: Numbers, yerrBelow: Numbers? = nil, yerrAbove: Numbers? = nil,
                xerrBelow: Numbers? = nil, xerrAbove: Numbers? = nil, stroke: Stroke, capSize: Double = 0, label: String? = nil) {
        self.x = x
        self.y = y
        self.yerrBelow = yerrBelow
        self.yerrAbove = yerrAbove
        self.xerrBelow = xerrBelow
        self.xerrAbove = xerrAbove
        self.stroke = stroke
        self.capSize = capSize
        self.label = label
    }
}

/// `text` and `annotate`: a string at (x, y) in data coordinates (or axes fractions when
/// `inAxesCoordinates`), with an arrow to `arrowTo` for an annotation that has `arrowprops`.
public struct Text: Sendable, Codable, Equatable {
    public var x: Double
    public var y: Double
    public var text: String
    public var fontSize: Double
    public var color: String
    /// `left`, `center` or `right`.
    public var horizontalAlignment: String
    /// `baseline`, `bottom`, `center` or `top`.
    public var verticalAlignment: String
    public var inAxesCoordinates: Bool
    public var arrowTo: [Double]?
    public init(x: Double, y: Double, text: String, fontSize: Double = 10, color: String = "#000000",
                horizontalAlignment: String = "left", verticalAlignment: String = "baseline",
                inAxesCoordinates: Bool = false, arrowTo: [Double]? = nil) {
        self.x = x
        self.y = y
        self.text = text
        self.fontSize = fontSize
        self.color = color
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.inAxesCoordinates = inAxesCoordinates
        self.arrowTo = arrowTo
    }
}

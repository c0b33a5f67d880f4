/// One matplotlib figure as plain data: what a cell drew, recorded when the figure was shown
/// (or left open at the end of the cell) and drawn as SVG by Reports. Sizes are in inches,
/// as `figsize=` gives them.
public struct Figure: Sendable, Codable, Equatable {
    public var width: Double
    public var height: Double
    /// The grid `subplots(nrows, ncols)` made (1 × 1 for a plain figure).
    public var rows: Int
    public var columns: Int
    /// The axes, in the order they were made; each knows its cell of the grid.
    public var axes: [Axes]
    public var suptitle: String?
    /// `tight_layout()` was called: margins are fitted to the text.
    public var tightLayout: Bool
    /// File names given to `savefig`, in call order (lessons have no file space to write them in).
    public var savedAs: [String]

    public init(width: Double = 6.4, height: Double = 4.8, rows: Int = 1, columns: Int = 1, axes: [Axes] = [],
                suptitle: String? = nil, tightLayout: Bool = false, savedAs: [String] = []) {
        self.width = width
        self.height = height
        self.rows = rows
        self.columns = columns
        self.axes = axes
        self.suptitle = suptitle
        self.tightLayout = tightLayout
        self.savedAs = savedAs
    }
}

/// One set of axes: its place in the figure's grid, its decorations and its artists in the
/// order they were added (which is also the legend's order).
public struct Axes: Sendable, Codable, Equatable {
    public enum Scale: String, Sendable, Codable { case linear, log }

    /// Row and column (from 0) in the figure's grid.
    public var row: Int
    public var column: Int
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// Limits set with `xlim`/`set_xlim`; either end may be left automatic.
    public var xlim: Limits
    public var ylim: Limits
    public var xscale: Scale
    public var yscale: Scale
    /// Ticks set with `xticks`/`set_xticks` (or made by categorical bars): positions, and
    /// their labels when given.
    public var xticks: TickMarks?
    public var yticks: TickMarks?
    public var grid: Bool
    /// `axis('off')`: no frame, ticks or labels (an image grid).
    public var axisOff: Bool
    /// `legend()` was called: its placement (`best`, `upper right`, ...).
    public var legend: String?
    public var artists: [Artist]
    /// A colorbar drawn beside these axes for the artist at this index (an image or contour set).
    public var colorbar: Colorbar?

    public init(row: Int = 0, column: Int = 0, title: String? = nil, xlabel: String? = nil, ylabel: String? = nil,
                xlim: Limits = Limits(), ylim: Limits = Limits(), xscale: Scale = .linear, yscale: Scale = .linear,
                xticks: TickMarks? = nil, yticks: TickMarks? = nil,
                grid: Bool = false, axisOff: Bool = false, legend: String? = nil, artists: [Artist] = [], colorbar: Colorbar? = nil) {
        self.row = row
        self.column = column
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.xlim = xlim
        self.ylim = ylim
        self.xscale = xscale
        self.yscale = yscale
        self.xticks = xticks
        self.yticks = yticks
        self.grid = grid
        self.axisOff = axisOff
        self.legend = legend
        self.artists = artists
        self.colorbar = colorbar
    }
}

/// Axis limits as the user set them; nil ends are found from the data.
public struct Limits: Sendable, Codable, Equatable {
    public var lower: Double?
    public var upper: Double?
    public init(lower: Double? = nil, upper: Double? = nil) {
        self.lower = lower
        self.upper = upper
    }
}

/// `colorbar(mappable)`: which artist of the axes it explains, and its label.
public struct Colorbar: Sendable, Codable, Equatable {
    public var artist: Int
    public var label: String?
    public init(artist: Int, label: String? = nil) {
        self.artist = artist
        self.label = label
    }
}

/// Tick positions a cell chose, with labels (nil: formatted from the positions).
public struct TickMarks: Sendable, Codable, Equatable {
    public var positions: Numbers
    public var labels: [String]?
    public init(positions: Numbers, labels: [String]? = nil) {
        self.positions = positions
        self.labels = labels
    }
}

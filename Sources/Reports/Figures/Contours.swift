import Figures

/// Contour lines and filled contour regions over a rectilinear grid, by marching squares.
/// A filled band is the region z ≥ its lower level minus the region z ≥ its upper level;
/// each region's outline is found on the grid padded with a border below every level, so
/// every outline is a closed ring (drawn with the even-odd rule, which makes holes).
enum Contours {
    typealias Point = (x: Double, y: Double)

    /// Levels as matplotlib picks them: about `count` + 1 nice numbers spanning the data.
    static func levels(_ contour: Contour) -> [Double] {
        if let given = contour.levels, !given.isEmpty { return Array(given) }
        let finite = contour.z.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return [] }
        let count = contour.levelCount ?? 7
        return TickLocator.linear(lo, hi, bins: count + 1, steps: TickLocator.levelSteps, minimumTicks: 1)
    }

    /// Closed rings around the region z ≥ level, in data coordinates.
    static func rings(_ contour: Contour, level: Double) -> [[Point]] {
        let nx = contour.x.count, ny = contour.y.count
        guard nx >= 2, ny >= 2, contour.z.count == nx * ny else { return [] }
        // Padded grid: index (i, j) with i in 0...ny+1, j in 0...nx+1; the border is -inf.
        func value(_ i: Int, _ j: Int) -> Double {
            guard i >= 1, i <= ny, j >= 1, j <= nx else { return -.infinity }
            let z = contour.z[(i - 1) * nx + (j - 1)]
            return z.isNaN ? -.infinity : z
        }
        func position(_ i: Int, _ j: Int) -> Point {
            (contour.x[min(nx, max(1, j)) - 1], contour.y[min(ny, max(1, i)) - 1])
        }
        return chain(march(rows: ny + 2, columns: nx + 2, level: level, value: value, position: position), closed: true)
    }

    /// Contour lines at `level` (open at the grid's edge, closed inside it).
    static func lines(_ contour: Contour, level: Double) -> [[Point]] {
        let nx = contour.x.count, ny = contour.y.count
        guard nx >= 2, ny >= 2, contour.z.count == nx * ny else { return [] }
        func value(_ i: Int, _ j: Int) -> Double {
            let z = contour.z[i * nx + j]
            return z.isNaN ? -.infinity : z
        }
        return chain(march(rows: ny, columns: nx, level: level, value: value, position: { (contour.x[$1], contour.y[$0]) }), closed: false)
    }

    /// An edge crossing: the grid edge it lies on (as a key) and where.
    private struct Crossing {
        var key: Int
        var point: Point
    }

    private static func march(rows: Int, columns: Int, level: Double, value: (Int, Int) -> Double,
                              position: (Int, Int) -> Point) -> [(Crossing, Crossing)] {
        var segments: [(Crossing, Crossing)] = []
        // Edge keys: horizontal edge from (i, j) to (i, j+1) is 2*(i*columns+j); vertical to (i+1, j) is that + 1.
        func crossing(_ i0: Int, _ j0: Int, _ i1: Int, _ j1: Int) -> Crossing {
            let key = 2 * (min(i0, i1) * columns + min(j0, j1)) + (i0 == i1 ? 0 : 1)
            let a = value(i0, j0), b = value(i1, j1)
            let p = position(i0, j0), q = position(i1, j1)
            var t = 0.5
            if a.isInfinite { t = 1 } else if b.isInfinite { t = 0 } else if b != a { t = (level - a) / (b - a) }
            t = min(1, max(0, t))
            return Crossing(key: key, point: (p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t))
        }
        for i in 0..<(rows - 1) {
            for j in 0..<(columns - 1) {
                let a = value(i, j), b = value(i, j + 1), c = value(i + 1, j + 1), d = value(i + 1, j)
                let index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                func bottom() -> Crossing { crossing(i, j, i, j + 1) }      // a-b
                func right() -> Crossing { crossing(i, j + 1, i + 1, j + 1) } // b-c
                func top() -> Crossing { crossing(i + 1, j, i + 1, j + 1) }  // d-c
                func left() -> Crossing { crossing(i, j, i + 1, j) }         // a-d
                switch index {
                case 1, 14: segments.append((left(), bottom()))
                case 2, 13: segments.append((bottom(), right()))
                case 3, 12: segments.append((left(), right()))
                case 4, 11: segments.append((right(), top()))
                case 6, 9: segments.append((bottom(), top()))
                case 7, 8: segments.append((left(), top()))
                case 5, 10:
                    let centre = [a, b, c, d].filter(\.isFinite)
                    let mean = centre.isEmpty ? -.infinity : centre.reduce(0, +) / Double(centre.count)
                    let joined = (mean >= level) == (index == 5)
                    if joined {
                        segments.append((left(), top()))
                        segments.append((bottom(), right()))
                    } else {
                        segments.append((left(), bottom()))
                        segments.append((right(), top()))
                    }
                default: break
                }
            }
        }
        return segments
    }

    /// Joins segments that share a crossing into polylines, in a deterministic order.
    private static func chain(_ segments: [(Crossing, Crossing)], closed: Bool) -> [[Point]] {
        var byKey: [Int: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byKey[segment.0.key, default: []].append(index)
            byKey[segment.1.key, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var result: [[Point]] = []
        func extend(_ line: inout [Point], from key: Int) {
            var key = key
            while let next = byKey[key]?.first(where: { !used[$0] }) {
                used[next] = true
                let segment = segments[next]
                let other = segment.0.key == key ? segment.1 : segment.0
                line.append(other.point)
                key = other.key
            }
        }
        for start in segments.indices where !used[start] {
            used[start] = true
            let segment = segments[start]
            var forward = [segment.0.point, segment.1.point]
            extend(&forward, from: segment.1.key)
            if !closed {
                var backward: [Point] = []
                extend(&backward, from: segment.0.key)
                forward = backward.reversed() + forward
            }
            result.append(forward)
        }
        return result
    }
}

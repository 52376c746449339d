import Foundation

/// A colour in a theme: the terminal's own, or an xterm palette index (0–255).
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(Int)

    /// The 16 basic colour names (and `grey`/`gray` for bright black).
    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses a name, `default`, `#rrggbb` (the nearest palette colour) or a decimal index; nil when none fits.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        if t == "default" || t == "none" { self = .terminalDefault; return }
        if let n = ThemeColor.names[t] { self = .indexed(n); return }
        if let n = Int(t) {
            guard (0...255).contains(n) else { return nil }
            self = .indexed(n)
            return
        }
        if t.hasPrefix("#"), t.count == 7, let rgb = Int(t.dropFirst(), radix: 16) {
            self = .indexed(ThemeColor.nearest(r: (rgb >> 16) & 0xFF, g: (rgb >> 8) & 0xFF, b: rgb & 0xFF, among: 16..<256))
            return
        }
        return nil
    }

    /// The colour on a terminal with `colors` colours: unchanged with 256, else the nearest basic colour
    /// (greys in the middle become the terminal's own colour, so text never vanishes into the background).
    public func reduced(toColors colors: Int) -> ThemeColor {
        guard case let .indexed(n) = self else { return self }
        if colors >= 256 || n < min(colors, 16) { return self }
        if n < 16 { return .indexed(n - 8) }  // bright colours on an 8-colour terminal
        let (r, g, b) = ThemeColor.rgb(n)
        let hi = max(r, g, b), lo = min(r, g, b)
        if hi - lo < 40 {
            if hi < 70 { return .indexed(0) }
            if lo > 200 { return .indexed(colors >= 16 ? 15 : 7) }
            return .terminalDefault
        }
        return .indexed(ThemeColor.nearest(r: r, g: g, b: b, among: 1..<7))
    }

    /// The ncurses colour number: -1 for the terminal's own.
    public var cursesNumber: Int {
        switch self {
        case .terminalDefault: return -1
        case let .indexed(n): return n
        }
    }

    /// The RGB of an xterm palette entry.
    static func rgb(_ n: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if n < 16 { return basic[max(0, n)] }
        if n < 232 {
            let i = n - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let v = 8 + (n - 232) * 10
        return (v, v, v)
    }

    static func nearest(r: Int, g: Int, b: Int, among range: Range<Int>) -> Int {
        var best = range.lowerBound
        var bestDistance = Int.max
        for n in range {
            let (cr, cg, cb) = rgb(n)
            let d = (cr - r) * (cr - r) + (cg - g) * (cg - g) + (cb - b) * (cb - b)
            if d < bestDistance { bestDistance = d; best = n }
        }
        return best
    }
}

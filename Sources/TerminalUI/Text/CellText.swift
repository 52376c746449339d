/// One terminal cell's worth of text: a spacing character plus any zero-width ones that
/// combine with it, exactly as ncursesw stores it in a `cchar_t`.
public struct CellCluster: Equatable, Sendable {
    /// The characters drawn in the cell (already sanitised and, in ASCII mode, transliterated).
    public var text: String
    /// Cells taken: 1 or 2.
    public var width: Int
    /// Whether this stands in for an unsafe character from the input.
    public var isPlaceholder: Bool

    public init(text: String, width: Int, isPlaceholder: Bool = false) {
        self.text = text
        self.width = width
        self.isPlaceholder = isPlaceholder
    }
}

/// Splits text into cells and truncates it by cells.
public enum CellText {
    /// Most scalars ncursesw keeps in one cell (CCHARW_MAX).
    static let maxScalarsPerCell = 5

    /// The cells `text` takes once sanitised (and transliterated for `.ascii`).
    public static func clusters(_ text: String, charset: Charset) -> [CellCluster] {
        var out: [CellCluster] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasEmoji = false
        var scalarsInLast = 0
        for scalar in text.unicodeScalars {
            if let rule = Sanitizer.replacement(for: scalar, charset: charset) {
                switch rule {
                case .drop:
                    continue
                case let .placeholder(p):
                    for ch in p.unicodeScalars {
                        out.append(CellCluster(text: String(ch), width: 1, isPlaceholder: p != " "))
                    }
                    lastWasEmoji = false
                    scalarsInLast = 1
                    continue
                }
            }
            let v = scalar.value
            // Skin-tone modifiers after an emoji would be drawn merged by some terminals and apart
            // by others; dropping them keeps the layout identical everywhere.
            if (0x1F3FB...0x1F3FF).contains(v) && lastWasEmoji { continue }
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                if charset == .ascii { continue }
                if let last = out.indices.last, !out[last].isPlaceholder, scalarsInLast < maxScalarsPerCell {
                    out[last].text.unicodeScalars.append(scalar)
                    scalarsInLast += 1
                } else {
                    // A mark with nothing to sit on: show it on a dotted circle.
                    var base = String.UnicodeScalarView()
                    base.append("\u{25CC}")
                    base.append(scalar)
                    out.append(CellCluster(text: String(base), width: 1))
                    scalarsInLast = 2
                }
                continue
            }
            if charset == .ascii && v >= 0x80 {
                let ascii = Transliterator.ascii(for: scalar)
                for ch in ascii.unicodeScalars { out.append(CellCluster(text: String(ch), width: 1)) }
                lastWasEmoji = false
                scalarsInLast = 1
                continue
            }
            out.append(CellCluster(text: String(Character(scalar)), width: max(width, 1)))
            lastWasEmoji = scalar.properties.isEmoji && width == 2
            scalarsInLast = 1
        }
        return out
    }

    /// Total cells of `clusters`.
    public static func width(_ clusters: [CellCluster]) -> Int {
        clusters.reduce(0) { $0 + $1.width }
    }

    /// Cells taken by `text` in `charset`.
    public static func width(_ text: String, charset: Charset = .unicode) -> Int {
        width(clusters(text, charset: charset))
    }

    /// The clusters fitting in `maxWidth` cells; when some are cut, the last cell shows an ellipsis
    /// (and a wide character that would straddle the edge gives way to a space).
    public static func truncate(_ clusters: [CellCluster], to maxWidth: Int, charset: Charset) -> [CellCluster] {
        guard maxWidth > 0 else { return [] }
        if width(clusters) <= maxWidth { return clusters }
        let ellipsis = charset == .unicode
            ? [CellCluster(text: "\u{2026}", width: 1)]
            : (maxWidth >= 6 ? Array(repeating: CellCluster(text: ".", width: 1), count: 3) : [CellCluster(text: "~", width: 1)])
        let room = maxWidth - ellipsis.count
        guard room > 0 else { return Array(ellipsis.prefix(maxWidth)) }
        var out: [CellCluster] = []
        var used = 0
        for cluster in clusters {
            if used + cluster.width > room { break }
            out.append(cluster)
            used += cluster.width
        }
        while used < room {
            out.append(CellCluster(text: " ", width: 1))
            used += 1
        }
        return out + ellipsis
    }

    /// `text` truncated to `maxWidth` cells with an ellipsis, as a string.
    public static func truncate(_ text: String, to maxWidth: Int, charset: Charset = .unicode) -> String {
        truncate(clusters(text, charset: charset), to: maxWidth, charset: charset).map(\.text).joined()
    }
}

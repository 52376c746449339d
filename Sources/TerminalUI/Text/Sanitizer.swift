/// Makes strings from the server safe to draw: every scalar that could change the terminal's
/// state or hide text (C0/C1 controls, ESC, DEL, bidi overrides and isolates, other format
/// characters, line separators, unassigned code points) becomes a visible placeholder.
///
/// The cell grid applies the same rules to everything drawn into it, so nothing reaches the
/// terminal raw even if a caller forgets; this type exposes them for whole strings. This is layer 2 of the
/// contract documented on `TextFolding` (layer 1, the store's display lines, already replaced controls by U+FFFD).
public enum Sanitizer {
    /// What replaces one unsafe scalar, or nil when the scalar is safe (or simply dropped).
    enum Replacement: Equatable {
        case placeholder(String)
        case drop
    }

    /// The text of `text` as it will be drawn, on one line (newlines become placeholders too).
    public static func sanitize(_ text: String, charset: Charset = .unicode) -> String {
        var out = ""
        for cluster in CellText.clusters(text, charset: charset) { out += cluster.text }
        return out
    }

    /// Multi-line text split at line breaks (LF, CRLF, CR), each line sanitised.
    public static func lines(_ text: String, charset: Charset = .unicode) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { result.append(String(current)); current = .init() }
                previousWasCR = false
                continue
            }
            if scalar == "\r" {
                result.append(String(current)); current = .init()
                previousWasCR = true
                continue
            }
            previousWasCR = false
            current.append(scalar)
        }
        result.append(String(current))
        return result.map { sanitize($0, charset: charset) }
    }

    /// Whether `text` would be drawn differently from how it reads (it carries unsafe scalars).
    public static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { replacement(for: $0, charset: .unicode) != nil }
    }

    /// The rule for one scalar.
    static func replacement(for scalar: Unicode.Scalar, charset: Charset) -> Replacement? {
        let v = scalar.value
        if v == 0x09 { return .placeholder(" ") }
        if v < 0x20 {
            switch charset {
            case .unicode:
                // Control Pictures: ␀ … ␟ (␛ for ESC).
                return .placeholder(String(Character(Unicode.Scalar(0x2400 + v) ?? "?")))
            case .ascii:
                return .placeholder("^" + String(Character(Unicode.Scalar(UInt8(v + 0x40)))))
            }
        }
        if v == 0x7F { return .placeholder(charset == .unicode ? "\u{2421}" : "^?") }
        if v >= 0x80 && v < 0xA0 { return .placeholder(charset == .unicode ? "\u{FFFD}" : "?") }
        if v < 0xA0 { return nil }
        // Joiners and variation selectors only change how neighbours are shaped, which terminals
        // do inconsistently: they are dropped so the cell count stays what ncurses computes.
        if v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) {
            return .drop
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return .placeholder(charset == .unicode ? "\u{FFFD}" : "?")
        default:
            break
        }
        if properties.isNoncharacterCodePoint { return .placeholder(charset == .unicode ? "\u{FFFD}" : "?") }
        return nil
    }
}

import Foundation

/// Case- and accent-insensitive text for searching, and sanitised text for display.
///
/// The sanitizing contract, in two layers with one job each:
/// 1. The store hands out server text only as display lines (`displayLine`, `displayLines`): line breaks split,
///    C0/C1 controls (ESC, BEL, NUL, DEL…) and line separators replaced by U+FFFD, tabs by a space, huge values cut
///    (`clipped`). Every `ListRow`, `DetailViewModel` line and `StatusMessage` is built this way.
/// 2. The terminal UI's `Sanitizer` is the last guard at the terminal: `CellGrid` applies it to every cell drawn, so
///    whatever is left that could change the terminal or hide text (bidi controls, format characters, unassigned
///    code points, and controls in text that did not come through the store, such as the pager's) is shown as a
///    visible placeholder. Nothing reaches the terminal raw even when a caller skips layer 1.
public enum TextFolding {
    /// Lower-cased, without diacritics or width variants: "Ćlient Ωrg" → "client ωrg".
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // NFC last: texts Swift compares equal (canonically equivalent, e.g. "가" and "\u{1100}\u{1161}") must fold to
        // the same bytes, since matching is byte-wise but filters are compared and cached as Strings.
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
            .precomposedStringWithCanonicalMapping
    }

    /// The folded text as UTF-8 bytes.
    public static func foldedBytes(_ text: String) -> [UInt8] { Array(fold(text).utf8) }

    /// Replaces control characters (terminal escapes, newlines, C1 controls) with U+FFFD and tabs with a space,
    /// so a line can be drawn as is.
    public static func displayLine(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) || s.value == 0x2028 || s.value == 0x2029 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" {
                out.append(" ")
            } else if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) || s.value == 0x2028 || s.value == 0x2029 {
                out.append("\u{FFFD}")
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// `text` cut to at most `maxBytes` UTF-8 bytes (at a scalar boundary) with a note of its full size, so a
    /// megabyte-long value from the server costs the screen no more than a short one; shorter text is returned as is.
    public static func clipped(_ text: String, maxBytes: Int) -> String {
        let total = text.utf8.count
        guard total > maxBytes, maxBytes >= 0 else { return text }
        // Text that was cut before keeps its note: the size of the whole value, not of the part left.
        var body = text
        var note = " … [cut: \(total) bytes in all]"
        if text.hasSuffix(" bytes in all]"), let r = text.range(of: " … [cut: ", options: .backwards) {
            body = String(text[..<r.lowerBound])
            note = String(text[r.lowerBound...])
        }
        var end = body.utf8.index(body.utf8.startIndex, offsetBy: min(maxBytes, body.utf8.count))
        while end > body.startIndex, end.samePosition(in: body.unicodeScalars) == nil { end = body.utf8.index(before: end) }
        return String(body.unicodeScalars[..<end]) + note
    }

    /// Splits multi-line text into sanitised display lines.
    public static func displayLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { displayLine(String($0)) }
    }

    /// True when `needle` occurs in `haystack` (byte-wise).
    @inline(__always)
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        let h = haystack.count
        if n > h { return false }
        let first = needle[0]
        var i = 0
        let last = h - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in contains(h, n) } }
    }
}

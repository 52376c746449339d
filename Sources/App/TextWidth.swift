/// Temporary cell-width helpers for the list table (replaced by the terminal UI's once it lands).
enum TextWidth {
    static func cells(_ s: String) -> Int { s.count }
    static func sanitized(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) ? "\u{FFFD}" : $0 }))
    }
    static func truncate(_ s: String, to width: Int) -> String { s.count <= width ? s : String(s.prefix(max(0, width - 1))) + "…" }
    static func pad(_ s: String, to width: Int) -> String { s + String(repeating: " ", count: max(0, width - cells(s))) }
}

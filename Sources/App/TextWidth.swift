import TerminalUI

/// Cell-width helpers for the `list` table, built on the terminal UI's own width and sanitising rules.
enum TextWidth {
    static func cells(_ s: String) -> Int { CellText.width(s) }
    static func sanitized(_ s: String) -> String { Sanitizer.sanitize(s) }
    static func truncate(_ s: String, to width: Int) -> String {
        CellText.truncate(CellText.clusters(s, charset: .unicode), to: width, charset: .unicode).map(\.text).joined()
    }
    static func pad(_ s: String, to width: Int) -> String { s + String(repeating: " ", count: max(0, width - cells(s))) }
}

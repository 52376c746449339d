import Foundation
import OrderStore

/// The message log window: the last messages in full (wrapped, never cut), newest first, each with its time and
/// level; per-order results of bulk actions are there too (order, HTTP status, the server's sentence).
enum MessageLogView {
    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "HH:mm:ss"
        return f
    }()

    /// The width available to the text inside the window over `bounds`.
    static func textWidth(bounds: Rect) -> Int { min(bounds.width - 2, 110) - 4 }

    static func lines(state: AppState, width: Int, charset: Charset) -> [StyledLine] {
        guard width > 12 else { return [] }
        if state.messages.isEmpty { return [StyledLine([("No messages yet.", .muted)])] }
        var out: [StyledLine] = []
        let indent = 9 + 5
        for m in state.messages.reversed() {
            let role: ThemeRole
            let level: String
            switch m.level {
            case .info: role = .dialog; level = "info "
            case .warning: role = .warning; level = "warn "
            case .error: role = .error; level = "error"
            }
            let parts = TextWrap.wrap(m.text, width: max(1, width - indent), charset: charset)
            for (i, part) in parts.enumerated() {
                let head = i == 0 ? timeFormat.string(from: m.at) + " " + level + " " : String(repeating: " ", count: indent)
                out.append(StyledLine([(head, i == 0 ? .muted : .dialog), (part, role)]))
            }
        }
        return out
    }

    static func draw(_ grid: inout CellGrid, bounds: Rect, state: AppState, scroll: Int) {
        let charset = grid.charset
        ScrollingWindow.draw(&grid, bounds: bounds, maxWidth: 110, title: "Messages (newest first, last \(AppState.messageLogLimit))",
                             scroll: scroll) { width in
            lines(state: state, width: width, charset: charset)
        }
    }
}

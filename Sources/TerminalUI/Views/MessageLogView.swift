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
        let width = min(bounds.width - 2, 110)
        let height = bounds.height
        guard width > 20, height > 4 else { return }
        let x = bounds.x + (bounds.width - width) / 2
        let y = bounds.y
        grid.fill(x: x, y: y, width: width, height: height, role: .dialog)
        grid.drawBox(x: x, y: y, width: width, height: height, role: .dialog,
                     title: "Messages (newest first, last \(AppState.messageLogLimit))", titleRole: .dialogTitle)
        let all = lines(state: state, width: width - 4, charset: grid.charset)
        let rows = height - 2
        let top = min(max(0, scroll), max(0, all.count - rows))
        for (i, line) in all.dropFirst(top).prefix(rows).enumerated() {
            line.draw(&grid, x: x + 2, y: y + 1 + i, width: width - 4)
        }
        if all.count > rows {
            grid.putRight(" \(min(all.count, top + rows))/\(all.count) ", right: x + width - 2, y: y + height - 1, maxWidth: 14, role: .dialog)
        }
    }
}

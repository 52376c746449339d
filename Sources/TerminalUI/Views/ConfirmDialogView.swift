import OrderStore
import WaldurClient

/// The confirmation dialog: what will happen, to how many orders, with which resulting state;
/// the orders concerned and the skipped ones with the reason; the text input when the action
/// takes one; No and Yes buttons with No focused first. Returns the cursor when the input has focus.
enum ConfirmDialogView {
    static let maxListed = 6

    @discardableResult
    static func draw(_ grid: inout CellGrid, confirmation c: ActionConfirmation, state: AppState, ui: UIState, bounds: Rect) -> (x: Int, y: Int)? {
        let width = min(bounds.width - 2, 78)
        guard width >= 20 else { return nil }
        let inner = width - 4
        enum Item {
            case text(StyledLine)
            /// A line that may go when the screen is short, with the lines of the same entry (`group`).
            case listed(StyledLine, group: Int)
            case input
            case buttons
        }
        var items: [Item] = []
        for part in TextWrap.wrap(c.summary, width: inner, charset: grid.charset) {
            items.append(.text(StyledLine([(part, .dialogTitle)])))
        }
        var group = 0
        func listed(_ line: StyledLine, newGroup: Bool = true) {
            if newGroup { group += 1 }
            items.append(.listed(line, group: group))
        }
        listed(StyledLine([]))
        for call in c.calls.prefix(maxListed) {
            listed(orderLine(call.uuid, state: state, width: inner, charset: grid.charset, note: call.endpoint.side.map { "as \($0)" }))
        }
        if c.calls.count > maxListed { listed(StyledLine([("… and \(c.calls.count - maxListed) more", .muted)])) }
        if !c.skipped.isEmpty {
            listed(StyledLine([]))
            items.append(.text(StyledLine([("Skipped (\(c.skipped.count)):", .warning)])))
            for s in c.skipped.prefix(3) {
                let text = String(s.uuid.hex.prefix(8)) + "  " + s.reason
                for (i, part) in TextWrap.wrap(text, width: inner, charset: grid.charset).prefix(2).enumerated() {
                    listed(StyledLine([(part, .muted)]), newGroup: i == 0)
                }
            }
            if c.skipped.count > 3 { listed(StyledLine([("… and \(c.skipped.count - 3) more", .muted)])) }
        }
        if let input = c.input {
            listed(StyledLine([]))
            items.append(.text(StyledLine([(input.prompt + (input.isRequired ? " (required):" : ":"), .dialog)])))
            items.append(.input)
        }
        items.append(.text(StyledLine([])))
        items.append(.buttons)
        let maxBody = bounds.height - 2
        guard maxBody >= 3 else { return nil }
        // When space is short the listed orders go first; the summary, input and buttons stay.
        while items.count > maxBody, let r = items.lastIndex(where: { if case .listed = $0 { return true } else { return false } }) {
            guard case let .listed(_, last) = items[r] else { break }
            items.removeAll { if case let .listed(_, g) = $0 { return g == last } else { return false } }
        }
        while items.count > maxBody, let r = items.firstIndex(where: { if case .text = $0 { return true } else { return false } }) {
            items.remove(at: r)
        }
        let height = min(items.count, maxBody) + 2
        let x = bounds.x + (bounds.width - width) / 2
        let y = bounds.y + max(0, (bounds.height - height) / 2)
        grid.fill(x: x, y: y, width: width, height: height, role: .dialog)
        grid.drawBox(x: x, y: y, width: width, height: height, role: .dialog, title: "Confirm: " + c.action.title, titleRole: .dialogTitle)
        var cursor: (x: Int, y: Int)?
        var buttonsY = y + height - 2
        for (i, item) in items.prefix(maxBody).enumerated() {
            let ly = y + 1 + i
            switch item {
            case let .text(line), let .listed(line, _):
                line.draw(&grid, x: x + 2, y: ly, width: inner)
            case .input:
                cursor = drawInput(&grid, text: c.text, x: x + 2, y: ly, width: inner, focused: ui.dialogFocus == .input)
            case .buttons:
                buttonsY = ly
            }
        }
        // Buttons: No first and focused by default.
        let no = "[ No ]"
        let yes = "[ Yes ]"
        let total = CellText.width(no, charset: grid.charset) + 3 + CellText.width(yes, charset: grid.charset)
        var bx = x + (width - total) / 2
        bx += grid.put(no, x: bx, y: buttonsY, role: ui.dialogFocus == .no ? .buttonFocused : .button)
        bx += 3
        let yesRole: ThemeRole = !c.canConfirm ? .muted : (ui.dialogFocus == .yes ? .buttonFocused : .button)
        grid.put(yes, x: bx, y: buttonsY, role: yesRole)
        return ui.dialogFocus == .input ? cursor : nil
    }

    static func orderLine(_ uuid: WaldurUUID, state: AppState, width: Int, charset: Charset, note: String?) -> StyledLine {
        let short = String(uuid.hex.prefix(8))
        guard let row = state.row(for: uuid) else { return StyledLine([(short, .dialog)]) }
        var segments: [(String, ThemeRole)] = [(short + "  ", .dialog), (StateStyle.label(row.state, charset: charset), StateStyle.role(row.state))]
        let rest = "  " + [row.offering, row.project].filter { !$0.isEmpty }.joined(separator: " · ") + (note.map { "  (\($0))" } ?? "")
        segments.append((rest, .dialog))
        return StyledLine(segments.map { (text: $0.0, role: $0.1) })
    }

    static func drawInput(_ grid: inout CellGrid, text: String, x: Int, y: Int, width: Int, focused: Bool) -> (x: Int, y: Int) {
        grid.fill(x: x, y: y, width: width, height: 1, role: .input)
        let clusters = CellText.clusters(text, charset: grid.charset)
        var shown = clusters
        while CellText.width(shown) > width - 1, !shown.isEmpty { shown.removeFirst() }
        let used = grid.put(clusters: shown, x: x, y: y, maxWidth: width, role: .input, ellipsis: false)
        return (x + min(used, width - 1), y)
    }
}

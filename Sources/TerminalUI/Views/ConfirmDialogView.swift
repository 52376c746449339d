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
            case input(Int)
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
        // What is at stake: the count per side and the sum of the costs. On a short screen the orders go first, then
        // the notes, then this line.
        if c.calls.count > 1 || c.totalCost != nil {
            var stake = c.callsPerSide.map { "\($0.count) \($0.side.map { "as \($0)" } ?? "order\($0.count == 1 ? "" : "s")")" }.joined(separator: ", ")
            if let total = c.totalCost {
                stake += "; cost \(Money(total).formatted(places: 2))"
                if c.costedCount < c.calls.count { stake += " (\(c.costedCount) of \(c.calls.count) have a cost)" }
            }
            for (i, part) in TextWrap.wrap(stake, width: inner, charset: grid.charset).enumerated() { listed(StyledLine([(part, .dialog)]), newGroup: i == 0) }
        }
        for note in c.notes {
            for (i, part) in TextWrap.wrap(note, width: inner, charset: grid.charset).prefix(3).enumerated() {
                listed(StyledLine([(part, .warning)]), newGroup: i == 0)
            }
        }
        let shown = c.calls.filter { !c.hidden.contains($0.uuid) }
        let hiddenCalls = c.calls.filter { c.hidden.contains($0.uuid) }
        listed(StyledLine([]))
        for call in shown.prefix(maxListed) {
            listed(orderLine(call.uuid, state: state, width: inner, charset: grid.charset, note: call.endpoint.side.map { "as \($0)" }))
        }
        if shown.count > maxListed { listed(StyledLine([("… and \(shown.count - maxListed) more", .muted)])) }
        if !hiddenCalls.isEmpty {
            // Marked orders the current view does not show are named apart: the action applies to them too.
            items.append(.text(StyledLine([("Marked but not in this view (\(hiddenCalls.count)):", .warning)])))
            for call in hiddenCalls.prefix(3) {
                listed(orderLine(call.uuid, state: state, width: inner, charset: grid.charset, note: call.endpoint.side.map { "as \($0)" }))
            }
            if hiddenCalls.count > 3 { listed(StyledLine([("… and \(hiddenCalls.count - 3) more", .muted)])) }
        }
        if !c.skipped.isEmpty {
            listed(StyledLine([]))
            let hiddenSkipped = c.skipped.filter { c.hidden.contains($0.uuid) }.count
            items.append(.text(StyledLine([("Skipped (\(c.skipped.count)\(hiddenSkipped > 0 ? ", \(hiddenSkipped) not in this view" : "")):", .warning)])))
            for s in c.skipped.prefix(3) {
                let text = String(s.uuid.hex.prefix(8)) + "  " + s.reason
                for (i, part) in TextWrap.wrap(text, width: inner, charset: grid.charset).prefix(2).enumerated() {
                    listed(StyledLine([(part, .muted)]), newGroup: i == 0)
                }
            }
            if c.skipped.count > 3 { listed(StyledLine([("… and \(c.skipped.count - 3) more", .muted)])) }
        }
        for (i, input) in c.fields.enumerated() {
            if i == 0 { listed(StyledLine([])) }
            items.append(.text(StyledLine([(input.prompt + (input.isRequired ? " (required):" : ":"), .dialog)])))
            items.append(.input(i))
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
            case let .input(f):
                let focused = ui.dialogFocus == .field(f)
                let at = drawInput(&grid, text: f < c.texts.count ? c.texts[f] : "", x: x + 2, y: ly, width: inner, focused: focused)
                if focused { cursor = at }
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
        if case .field = ui.dialogFocus { return cursor }
        return nil
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

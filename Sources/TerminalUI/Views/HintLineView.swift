import OrderStore

/// The key-hint line: the keys that matter in the current mode, taken from the live key map
/// (so remapped keys show as remapped, unbound ones not at all; write actions not in read-only mode).
enum HintLineView {
    static func draw(_ grid: inout CellGrid, row: Int, state: AppState, ui: UIState, context: ScreenContext) {
        grid.fill(x: 0, y: row, width: grid.width, height: 1, role: .hint)
        let map = context.keyMap
        var hints: [(String, String)] = []
        func bound(_ c: KeyCommand, _ text: String) {
            if let k = map.label(for: c) { hints.append((k, text)) }
        }
        let readOnly = state.configuration.readOnly
        if let confirmation = state.confirmation {
            let chord = TerminalController.confirmChord.description
            if case let .field(i) = ui.dialogFocus, i < confirmation.fields.count {
                // Short enough for 80 columns: the field's own prompt is in the dialog.
                hints += [("esc", "cancel"), (chord, confirmation.action.title), ("enter", i + 1 < confirmation.fields.count ? "next field" : "to [Yes]"),
                          ("tab", "buttons"), ("type", "text (y, n, q are text here)")]
            } else if !confirmation.fields.isEmpty {
                hints += [("enter", ui.dialogFocus == .yes ? confirmation.action.title : "cancel"), ("esc", "cancel"),
                          (chord, confirmation.action.title), ("tab", "switch"), ("type", "edits the text")]
            } else {
                hints += [("y", "yes"), ("n", "no"), ("tab", "switch"), ("enter", "choose"), ("esc", "cancel")]
            }
        } else if ui.filterEditing {
            hints += [("enter", "keep filter"), ("esc", "restore"), ("", "e.g. state:erred offering:vm age<2h -project:x")]
        } else if let overlay = ui.overlay {
            hints += [("esc", "close"), ("j/k", "scroll")]
            if case .offering = overlay { hints.append(("enter", "filter the list to this offering")) }
        } else if ui.focus == .detail {
            hints += [("j/k", "scroll")]
            bound(.focusDetail, "list")
            bound(.openDetail, ui.detailFullScreen ? "close" : "full screen")
            hints.append(("esc", "back"))
            bound(.pager, "pager")
            bound(.copyDetail, "copy")
            if !readOnly { bound(.approve, "approve"); bound(.reject, "reject") }
            bound(.help, "keys")
        } else {
            let down = map.label(for: .moveDown) ?? ""
            let up = map.label(for: .moveUp) ?? ""
            if !down.isEmpty || !up.isEmpty { hints.append(([down, up].filter { !$0.isEmpty }.joined(separator: "/"), "move")) }
            bound(.openDetail, "detail")
            bound(.filter, "filter")
            if !readOnly {
                bound(.approve, "approve")
                bound(.reject, "reject")
            }
            bound(.help, "keys")
            bound(.quit, "quit")
            bound(.mark, "mark")
            if map.label(for: .queue1) != nil { hints.append(("1-\(min(9, state.queues.count))", "queues")) }
            bound(.sortColumn, "sort")
            bound(.pauseRefresh, state.refresh.isPaused ? "resume" : "pause")
        }
        var x = 1
        let mouseNote = ui.mouseEnabled ? "" : "mouse off"
        let limit = grid.width - (mouseNote.isEmpty ? 1 : CellText.width(mouseNote, charset: grid.charset) + 2)
        for (key, text) in hints {
            let keyWidth = CellText.width(key, charset: grid.charset)
            let textWidth = CellText.width(text, charset: grid.charset)
            if x + keyWidth + 1 + textWidth > limit { break }
            if !key.isEmpty {
                x += grid.put(key, x: x, y: row, role: .hintKey)
                x += 1
            }
            x += grid.put(text, x: x, y: row, role: .hint)
            x += 2
        }
        if !mouseNote.isEmpty { grid.putRight(mouseNote, right: grid.width - 1, y: row, maxWidth: 12, role: .warning) }
    }
}

import OrderStore

/// The one-line status area: the filter being typed (with its parse error), else the UI's own
/// notice, else the store's status line; marks on the right. Returns the cursor when typing.
enum StatusLineView {
    @discardableResult
    static func draw(_ grid: inout CellGrid, row: Int, state: AppState, ui: UIState) -> (x: Int, y: Int)? {
        grid.fill(x: 0, y: row, width: grid.width, height: 1, role: .status)
        var rightText = ""
        if !state.marked.isEmpty {
            // Always say how many marked orders the view does not show: an action key applies to them too.
            let outside = state.markedOutsideView.count
            let failed = state.failedMarkCount
            rightText = "\(grid.glyphs.mark) \(state.marked.count) marked"
            if outside > 0 { rightText += ", \(outside) not in view" }
            if failed > 0 { rightText += ", \(failed) failed" }
            rightText += "  "
        }
        // Where the selection is in the list.
        if let selected = state.selectedIndex, state.visibleCount > 0 {
            rightText += "\(selected + 1)/\(state.visibleCount)"
        }
        let rightWidth = rightText.isEmpty ? 0 : CellText.width(rightText, charset: grid.charset) + 2
        if !rightText.isEmpty {
            grid.putRight(rightText, right: grid.width - 1, y: row, maxWidth: rightWidth, role: state.marked.isEmpty ? .status : .marked)
        }
        let room = grid.width - rightWidth - 1
        if ui.filterEditing {
            var x = 1
            x += grid.put("/", x: x, y: row, maxWidth: 1, role: .filter)
            // Show the end of long filters: the cursor is there.
            let textWidth = CellText.width(state.filterText, charset: grid.charset)
            let available = max(1, room - x - 1)
            var shown = state.filterText
            if textWidth > available {
                let clusters = CellText.clusters(state.filterText, charset: grid.charset)
                var kept: [CellCluster] = []
                var used = 0
                for c in clusters.reversed() {
                    if used + c.width > available - 1 { break }
                    kept.insert(c, at: 0)
                    used += c.width
                }
                shown = (grid.charset == .unicode ? "…" : "<") + kept.map(\.text).joined()
            }
            x += grid.put(shown, x: x, y: row, maxWidth: available, role: .filter, ellipsis: false)
            let cursor = (x: min(x, grid.width - 1), y: row)
            if let error = state.filterError, x + 4 < room {
                grid.put("  " + error.message, x: x + 1, y: row, maxWidth: room - x - 1, role: .warning)
            }
            return cursor
        }
        if let notice = ui.notice {
            grid.put(notice.text, x: 1, y: row, maxWidth: room - 1, role: notice.isError ? .error : .status)
            return nil
        }
        if let message = state.statusLine {
            let role: ThemeRole
            switch message.level {
            case .info: role = .status
            case .warning: role = .warning
            case .error: role = .error
            }
            grid.put(message.text, x: 1, y: row, maxWidth: room - 1, role: role)
        }
        return nil
    }
}

import Foundation
import OrderStore

/// The order list: a column header with the sort indicator, then one row per order with the
/// mark, the changed/in-flight flag and the queue's columns (see `QueueColumns`, `ListColumns`).
enum OrderListView {
    static func draw(_ grid: inout CellGrid, rect: Rect, state: AppState, ui: UIState,
                     columns kinds: [ColumnKind] = QueueColumns.defaults(.all)) {
        guard rect.height > 0, rect.width > 0 else { return }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, role: .normal)
        let layout = ListColumns(width: rect.width, kinds: kinds)
        // Column header.
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, role: .columnHeader)
        for column in layout.columns {
            var title = ListColumns.title(column.kind)
            if let key = ListColumns.sortKey(column.kind), key == state.sort.key {
                // Age sorts by creation time: newest first means youngest first.
                let ascending = column.kind == .age ? !state.sort.ascending : state.sort.ascending
                title += ascending ? grid.glyphs.sortAscending : grid.glyphs.sortDescending
            }
            if ListColumns.isRightAligned(column.kind) {
                grid.putRight(title, right: rect.x + column.x + column.width, y: rect.y, maxWidth: column.width, role: .columnHeader)
            } else {
                grid.put(title, x: rect.x + column.x, y: rect.y, maxWidth: column.width, role: .columnHeader)
            }
        }
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if state.visibleCount == 0 {
            let text = EmptyQueueText.text(state: state)
            let w = CellText.width(text, charset: grid.charset)
            grid.put(text, x: rect.x + max(0, (rect.width - w) / 2), y: rect.y + 1 + rows / 3, maxWidth: rect.width, role: .muted)
            return
        }
        var scroll = ui
        scroll.keepVisible(selected: state.selectedIndex, count: state.visibleCount, rows: rows)
        let top = scroll.listTop
        for (offset, row) in state.visibleRows(top..<(top + rows)).enumerated() {
            drawRow(&grid, row: row, y: rect.y + 1 + offset, rect: rect, layout: layout, state: state, ui: ui)
        }
    }

    static func drawRow(_ grid: inout CellGrid, row: ListRow, y: Int, rect: Rect, layout: ListColumns, state: AppState, ui: UIState) {
        let g = grid.glyphs
        if row.isMarked { grid.put(g.mark, x: rect.x, y: y, maxWidth: 1, role: .marked, ellipsis: false) }
        if row.pendingAction != nil {
            grid.put(g.inFlight, x: rect.x + 1, y: y, maxWidth: 1, role: .inFlight, ellipsis: false)
        } else if row.isNew || row.isChanged {
            grid.put(g.changed, x: rect.x + 1, y: y, maxWidth: 1, role: .changed, ellipsis: false)
        }
        for column in layout.columns {
            let x = rect.x + column.x
            let text: String
            var role: ThemeRole = .normal
            switch column.kind {
            case .state:
                text = StateStyle.label(row.state, charset: grid.charset, width: column.width)
                role = StateStyle.role(row.state)
            case .type: text = row.type
            case .offering: text = row.offering
            case .plan: text = row.plan
            case .project: text = row.project
            case .customer: text = row.customer
            case .provider: text = row.provider
            case .resource: text = row.resource
            case .createdBy: text = row.createdBy
            case .backendID: text = row.backendID
            case .uuid: text = row.shortUUID
            case .error:
                text = row.errorMessage
                role = .error
            case .cost: text = row.cost
            case .age:
                text = AgeText.of(row.created, now: state.now)
                role = .muted
            case .modified:
                text = AgeText.of(row.modified, now: state.now)
                role = .muted
            }
            if column.kind.isRightAligned {
                grid.putRight(text, right: x + column.width, y: y, maxWidth: column.width, role: role)
            } else {
                grid.put(text, x: x, y: y, maxWidth: column.width, role: role)
            }
        }
        let overlay: ThemeRole?
        if row.isSelected {
            overlay = ui.focus == .list ? .selection : .selectionInactive
        } else if row.isMarked {
            overlay = .marked
        } else if row.isNew || row.isChanged {
            overlay = .changed
        } else {
            overlay = nil
        }
        grid.setOverlay(overlay, y: y, x: rect.x, length: rect.width)
    }
}

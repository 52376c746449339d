import OrderStore

/// Row 1: the queue tabs with their counts, and the applied filter on the right.
enum TabsView {
    /// Each tab's label and columns, as drawn (shared with mouse handling).
    static func positions(state: AppState, width: Int, charset: Charset) -> [(index: Int, x: Int, width: Int, label: String)] {
        // Progressively more compact labels until every tab fits: padded, unpadded, short names, numbers only.
        var best: [(Int, Int, Int, String)] = []
        for level in 0..<4 {
            var out: [(Int, Int, Int, String)] = []
            var x = level == 0 ? 1 : 0
            var fits = true
            for (i, q) in state.queues.enumerated() {
                let count = grouped(i < state.queueCounts.count ? state.queueCounts[i] : 0)
                let key = i < 9 ? "\(i + 1)" : ""
                let label: String
                switch level {
                case 0: label = " \(key) \(q.name) \(count) "
                case 1: label = "\(key) \(q.name) \(count)"
                case 2: label = "\(key) \(CellText.truncate(q.name, to: 5, charset: charset)) \(count)"
                default: label = key.isEmpty ? count : "\(key):\(count)"
                }
                let w = CellText.width(label, charset: charset)
                if x + w > width { fits = false; break }
                out.append((i, x, w, label))
                x += w + 1
            }
            best = out
            if fits { break }
        }
        return best
    }

    static func draw(_ grid: inout CellGrid, row: Int, state: AppState, ui: UIState) {
        grid.fill(x: 0, y: row, width: grid.width, height: 1, role: .tab)
        var end = 0
        for tab in positions(state: state, width: grid.width, charset: grid.charset) {
            let role: ThemeRole = tab.index == state.selectedQueueIndex ? .tabActive : .tab
            grid.put(tab.label, x: tab.x, y: row, maxWidth: tab.width, role: role)
            end = tab.x + tab.width
        }
        if !ui.filterEditing, !state.filterText.isEmpty {
            let room = grid.width - end - 3
            if room > 10 {
                let text = "/ " + state.filterText
                let w = min(room, CellText.width(text, charset: grid.charset))
                grid.putRight(text, right: grid.width - 1, y: row, maxWidth: w, role: .filter)
            }
        }
    }

    /// 12,345.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

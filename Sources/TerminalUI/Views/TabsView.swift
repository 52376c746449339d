import OrderStore

/// Row 1: the queue tabs with their counts, and the applied filter on the right.
enum TabsView {
    /// Each tab's label and columns, as drawn (shared with mouse handling).
    static func positions(state: AppState, width: Int, charset: Charset) -> [(index: Int, x: Int, width: Int, label: String)] {
        // Progressively more compact labels until every tab fits: padded, unpadded, names abbreviated step by step,
        // then the other tabs' counts short ("1.1k"), and last without them (the selected tab keeps its exact count).
        // Names are never replaced by bare numbers: when even the shortest labels do not fit, tabs are left out
        // around the selected one.
        let levels: [Level] = [
            Level(padded: true, nameWidth: nil, counts: .exact), Level(padded: false, nameWidth: nil, counts: .exact),
            Level(padded: false, nameWidth: 9, counts: .exact), Level(padded: false, nameWidth: 6, counts: .exact),
            Level(padded: false, nameWidth: 6, counts: .short), Level(padded: false, nameWidth: 5, counts: .short),
            Level(padded: false, nameWidth: 5, counts: .selectedOnly), Level(padded: false, nameWidth: 3, counts: .selectedOnly),
        ]
        var labels: [String] = []
        for level in levels {
            labels = state.queues.indices.map { label($0, state: state, charset: charset, level: level) }
            let total = labels.reduce(0) { $0 + CellText.width($1, charset: charset) + 1 } + (level.padded ? 1 : 0)
            if total - 1 <= width { return place(labels, from: 0, x: level.padded ? 1 : 0, width: width, charset: charset) }
        }
        // Too many tabs: the window of tabs that fits and holds the selected one.
        let selected = min(max(0, state.selectedQueueIndex), max(0, labels.count - 1))
        var first = 0
        while first < selected {
            let shown = place(labels, from: first, x: 0, width: width, charset: charset)
            if shown.contains(where: { $0.index == selected }) { return shown }
            first += 1
        }
        return place(labels, from: first, x: 0, width: width, charset: charset)
    }

    /// How compact the labels are drawn.
    struct Level {
        enum Counts { case exact, short, selectedOnly }
        var padded: Bool
        /// Names cut to this many cells (nil: whole).
        var nameWidth: Int?
        var counts: Counts
    }

    /// "1 Needs me 12", "2 Pend… 3", "2 Pe… 1.1k", "3 Exe".
    static func label(_ i: Int, state: AppState, charset: Charset, level: Level) -> String {
        let q = state.queues[i]
        let key = i < 9 ? "\(i + 1) " : ""
        let name = level.nameWidth.map { CellText.truncate(q.name, to: $0, charset: charset) } ?? q.name
        let n = i < state.queueCounts.count ? state.queueCounts[i] : 0
        let count: String
        switch level.counts {
        case _ where i == state.selectedQueueIndex: count = " " + grouped(n)
        case .exact: count = " " + grouped(n)
        case .short: count = " " + short(n)
        case .selectedOnly: count = ""
        }
        return level.padded ? " \(key)\(name)\(count) " : "\(key)\(name)\(count)"
    }

    /// 999, 1k, 1.1k, 12k, 123k, 1.2M, 12M: at most four cells, never more than the count (cut, not rounded up).
    static func short(_ n: Int) -> String {
        let m = n.magnitude
        func cut(_ unit: UInt, _ suffix: String) -> String {
            let whole = m / unit
            let tenth = (m % unit) / (unit / 10)
            return whole >= 10 || tenth == 0 ? "\(whole)\(suffix)" : "\(whole).\(tenth)\(suffix)"
        }
        let text = m < 1000 ? "\(m)" : m < 1_000_000 ? cut(1000, "k") : cut(1_000_000, "M")
        return (n < 0 ? "-" : "") + text
    }

    /// Tabs from `first` on, left to right, while they fit.
    static func place(_ labels: [String], from first: Int, x start: Int, width: Int, charset: Charset) -> [(index: Int, x: Int, width: Int, label: String)] {
        var out: [(Int, Int, Int, String)] = []
        var x = start
        for i in labels.indices where i >= first {
            let w = CellText.width(labels[i], charset: charset)
            if x + w > width { break }
            out.append((i, x, w, labels[i]))
            x += w + 1
        }
        return out
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

import OrderStore

/// The detail pane: the store's `DetailViewModel` drawn as labelled lines, wrapped to the pane,
/// scrollable; the plan change and the review history stand out in their own roles.
enum DetailPaneView {
    static func draw(_ grid: inout CellGrid, rect: Rect, state: AppState, ui: UIState) {
        guard rect.height > 0, rect.width > 0 else { return }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, role: .normal)
        let focused = ui.focus == .detail
        let vm = state.detail
        // Header row of the pane.
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, role: focused ? .tabActive : .columnHeader)
        let title = vm.map { "Detail " + grid.glyphs.vertical + " " + $0.title } ?? "Detail"
        grid.put(" " + title, x: rect.x, y: rect.y, maxWidth: rect.width, role: focused ? .tabActive : .columnHeader)
        let contentHeight = rect.height - 1
        guard contentHeight > 0 else { return }
        guard let vm else {
            grid.put(" no order selected", x: rect.x, y: rect.y + 1, maxWidth: rect.width, role: .muted)
            return
        }
        let lines = self.lines(vm, width: rect.width - 2, charset: grid.charset)
        let maxScroll = max(0, lines.count - contentHeight)
        let scroll = min(max(0, ui.detailScroll), maxScroll)
        for (i, line) in lines.dropFirst(scroll).prefix(contentHeight).enumerated() {
            line.draw(&grid, x: rect.x + 1, y: rect.y + 1 + i, width: rect.width - 2)
        }
        if maxScroll > 0 {
            let indicator = " \(min(lines.count, scroll + contentHeight))/\(lines.count) "
            grid.putRight(indicator, right: rect.x + rect.width, y: rect.y, maxWidth: 14, role: focused ? .tabActive : .columnHeader)
        }
    }

    /// How many lines the detail takes at `width` (for scrolling limits).
    static func lineCount(state: AppState, width: Int, charset: Charset) -> Int {
        guard let vm = state.detail else { return 0 }
        return lines(vm, width: width - 2, charset: charset).count
    }

    static func role(_ role: DetailViewModel.Role) -> ThemeRole {
        switch role {
        case .planChange: return .planChange
        case .history: return .history
        case .error: return .error
        case .traceback: return .muted
        case .notice: return .warning
        case .money: return .normal
        default: return .normal
        }
    }

    /// The pane's lines: for each section a title, then its lines with the key as a label.
    static func lines(_ vm: DetailViewModel, width: Int, charset: Charset) -> [StyledLine] {
        guard width > 4 else { return [] }
        var out: [StyledLine] = []
        let keyWidth = min(18, max(8, width / 4))
        let glyphs = Glyphs.for(charset)
        if let error = vm.loadError {
            for part in TextWrap.wrap("could not load the full order: " + error, width: width, charset: charset) {
                out.append(StyledLine([(part, .error)]))
            }
        }
        for section in vm.sections {
            if !out.isEmpty { out.append(StyledLine([])) }
            let titleRole: ThemeRole
            switch section.role {
            case .planChange: titleRole = .planChange
            case .history: titleRole = .history
            case .error: titleRole = .error
            default: titleRole = .detailTitle
            }
            let rule = String(repeating: glyphs.horizontal, count: 2)
            out.append(StyledLine([(rule + " " + section.title + " " + rule, titleRole)]))
            for line in section.lines {
                let role = self.role(line.role)
                let band: ThemeRole? = line.role == .planChange ? .planChange : nil
                if let key = line.key {
                    let valueWidth = width - keyWidth - 1
                    let label = CellText.truncate(key, to: keyWidth, charset: charset)
                    let padded = label + String(repeating: " ", count: max(0, keyWidth - CellText.width(label, charset: charset))) + " "
                    let parts = line.text.isEmpty ? [""] : TextWrap.wrap(line.text, width: max(1, valueWidth), charset: charset)
                    for (i, part) in parts.enumerated() {
                        let labelText = i == 0 ? padded : String(repeating: " ", count: keyWidth + 1)
                        out.append(StyledLine([(labelText, band ?? .detailLabel), (part, role)], fill: band))
                    }
                } else {
                    for part in TextWrap.wrap(line.text, width: width, charset: charset) {
                        out.append(StyledLine([(part, role)], fill: band))
                    }
                }
            }
        }
        return out
    }
}

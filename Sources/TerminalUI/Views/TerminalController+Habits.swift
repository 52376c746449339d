import OrderStore

/// Keys from other terminal tools (issue 12): half pages with Ctrl-D/Ctrl-U, an empty filter prompt with
/// history on Up/Down, and taking the detail away (pager, clipboard).
extension TerminalController {
    /// `/`: the prompt starts empty (the filter in force is restored by Esc).
    mutating func startFilter(state: AppState) -> [UICommand] {
        filterHistory.reset()
        return state.filterText.isEmpty ? [] : [.send(.setFilterText(""))]
    }

    /// Enter in the filter line: the filter joins the history, which is saved.
    mutating func rememberFilter(_ text: String) -> [UICommand] {
        let before = filterHistory.entries
        filterHistory.add(text)
        return filterHistory.entries == before ? [] : [.saveFilterHistory(filterHistory.entries)]
    }

    /// Up (`-1`) / Down (`+1`) in the filter line: an earlier or later filter from the history.
    mutating func recallFilter(_ direction: Int, state: AppState) -> [UICommand] {
        guard let text = filterHistory.step(direction, current: state.filterText) else { return [] }
        return [.send(.setFilterText(text))]
    }

    /// Half-page moves, the pager and the detail copy.
    mutating func handleHabit(_ command: KeyCommand, state: AppState, layout: ScreenLayout) -> [UICommand] {
        switch command {
        case .halfPageDown, .halfPageUp:
            let sign = command == .halfPageDown ? 1 : -1
            if ui.focus == .detail, let detail = layout.detail {
                let contentHeight = max(1, detail.height - 1)
                let total = DetailPaneView.lineCount(state: state, width: detail.width, charset: charset)
                let maxScroll = max(0, total - contentHeight)
                let half = max(1, contentHeight / 2)
                ui.detailScroll = max(0, min(maxScroll, min(maxScroll, ui.detailScroll) + sign * half))
                return []
            }
            ui.detailScroll = 0
            return [.send(.moveSelection(sign * max(1, layout.listRows / 2)))]
        case .pager:
            guard let text = DetailText.text(state: state, charset: charset) else {
                ui.notice = ("no order selected", false)
                return []
            }
            return [.openInPager(text)]
        case .copyDetail:
            guard let text = DetailText.text(state: state, charset: charset) else {
                ui.notice = ("no order selected", false)
                return []
            }
            let fitted = Clipboard.fitted(text)
            if fitted.cut {
                ui.notice = ("copied the first \(fitted.text.utf8.count / 1024) KB of \(text.utf8.count / 1024) KB of the detail (OSC 52): "
                    + "the clipboard takes no more; | opens it whole in the pager", false)
            } else {
                ui.notice = ("copied the detail (\(text.split(separator: "\n", omittingEmptySubsequences: false).count) lines) to the clipboard (OSC 52)", false)
            }
            return [.copyToClipboard(fitted.text)]
        default:
            return []
        }
    }
}

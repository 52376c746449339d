import Foundation
import OrderStore
import WaldurClient

/// Turns keys and mouse events into store actions and UI changes. No rule about orders is
/// decided here: availability, targets and results all come from the store.
public struct TerminalController: Sendable {
    public var ui: UIState
    public var keyMap: KeyMap
    public var charset: Charset
    /// Earlier filters for Up/Down in the filter line (kept across restarts by the run loop).
    public var filterHistory = FilterHistory()

    public init(keyMap: KeyMap = .defaults, mouseEnabled: Bool = true, charset: Charset = .unicode) {
        self.keyMap = keyMap
        self.charset = charset
        ui = UIState()
        ui.mouseEnabled = mouseEnabled
    }

    /// Brings the UI state in line with the store's: a newly opened confirmation gets its
    /// default focus (the input if it has one, else No), and the selection stays on screen.
    public mutating func sync(state: AppState, width: Int, height: Int) {
        if let c = state.confirmation {
            let identity = "\(c.action.rawValue)|\(c.summary)|" + c.calls.map(\.uuid.hex).joined(separator: ",")
            if identity != ui.dialogIdentity {
                ui.dialogIdentity = identity
                ui.dialogFocus = c.input != nil ? .input : .no
            }
        } else {
            ui.dialogIdentity = nil
        }
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen)
        ui.keepVisible(selected: state.selectedIndex, count: state.visibleCount, rows: layout.listRows)
        if layout.detail == nil, ui.focus == .detail { ui.focus = .list }
    }

    /// Handles one input event against the current state; returns what to do.
    public mutating func handle(_ event: InputEvent, state: AppState, width: Int, height: Int) -> [UICommand] {
        sync(state: state, width: width, height: height)
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen)
        switch event {
        case .resize:
            return []
        case let .mouse(m):
            return handleMouse(m, state: state, layout: layout)
        case let .key(key):
            if layout.isTooSmall {
                if key == .character("q") || keyMap.command(for: key) == .quit { return [.quit] }
                return []
            }
            ui.notice = nil
            if let confirmation = state.confirmation { return handleDialog(key, confirmation: confirmation) }
            if ui.overlay != nil { return handleOverlay(key, state: state, layout: layout) }
            if ui.filterEditing { return handleFilter(key, state: state) }
            return handleKey(key, state: state, layout: layout)
        }
    }

    // MARK: Dialog

    mutating func handleDialog(_ key: Key, confirmation c: ActionConfirmation) -> [UICommand] {
        let hasInput = c.input != nil
        let order: [UIState.DialogFocus] = hasInput ? [.input, .no, .yes] : [.no, .yes]
        func cycle(_ step: Int) {
            let i = order.firstIndex(of: ui.dialogFocus) ?? 0
            ui.dialogFocus = order[(i + step + order.count) % order.count]
        }
        if key == .escape { return [.send(.cancelAction)] }
        if ui.dialogFocus == .input {
            switch key {
            case let .character(ch): return [.send(.setActionInput(c.text + String(ch)))]
            case .backspace:
                var t = c.text
                if !t.isEmpty { t.removeLast() }
                return [.send(.setActionInput(t))]
            case .control("u"): return [.send(.setActionInput(""))]
            case .control("w"): return [.send(.setActionInput(TerminalController.deletingLastWord(c.text)))]
            case .enter, .tab, .down: ui.dialogFocus = .no
            case .backTab, .up: cycle(-1)
            default: break
            }
            return []
        }
        switch key {
        case .character("y"), .character("Y"): return [.send(.confirmAction)]
        case .character("n"), .character("N"), .character("q"): return [.send(.cancelAction)]
        case .left, .backTab, .up, .character("h"): cycle(-1)
        case .right, .tab, .down, .character("l"): cycle(1)
        case .enter: return ui.dialogFocus == .yes ? [.send(.confirmAction)] : [.send(.cancelAction)]
        default: break
        }
        return []
    }

    // MARK: Overlays

    mutating func handleOverlay(_ key: Key, state: AppState, layout: ScreenLayout) -> [UICommand] {
        let command = keyMap.command(for: key)
        switch key {
        case .escape, .character("q"):
            closeOverlay()
            return []
        default: break
        }
        if command == .help, ui.overlay == .help { closeOverlay(); return [] }
        if command == .offering, case .offering = ui.overlay { closeOverlay(); return [] }
        if key == .enter, case let .offering(summary) = ui.overlay {
            closeOverlay()
            return [.send(.setFilterText(TerminalController.offeringFilter(summary.name)))]
        }
        let page = max(1, layout.body.height - 2)
        switch command {
        case .moveDown: ui.overlayScroll += 1
        case .moveUp: ui.overlayScroll = max(0, ui.overlayScroll - 1)
        case .pageDown: ui.overlayScroll += page
        case .pageUp: ui.overlayScroll = max(0, ui.overlayScroll - page)
        case .top: ui.overlayScroll = 0
        case .bottom: ui.overlayScroll = 1000
        case .quit: return [.quit]
        default: break
        }
        if ui.overlay == .help {
            let total = HelpOverlayView.lines(context: ScreenContext(serverHost: "", user: nil, readOnly: false, keyMap: keyMap, charset: charset), width: 80).count
            ui.overlayScroll = min(ui.overlayScroll, max(0, total - (layout.body.height - 2)))
        }
        return []
    }

    mutating func closeOverlay() {
        ui.overlay = nil
        ui.overlayScroll = 0
    }

    // MARK: Filter line

    mutating func handleFilter(_ key: Key, state: AppState) -> [UICommand] {
        switch key {
        case .escape:
            ui.filterEditing = false
            return [.send(.setFilterText(ui.filterBefore))]
        case .enter:
            ui.filterEditing = false
            return rememberFilter(state.filterText)
        case let .character(ch):
            return [.send(.setFilterText(state.filterText + String(ch)))]
        case .backspace:
            var t = state.filterText
            if !t.isEmpty { t.removeLast() }
            return [.send(.setFilterText(t))]
        case .control("u"):
            return [.send(.setFilterText(""))]
        case .control("w"):
            return [.send(.setFilterText(TerminalController.deletingLastWord(state.filterText)))]
        case .down:
            return recallFilter(1, state: state)
        case .up:
            return recallFilter(-1, state: state)
        default:
            return []
        }
    }

    // MARK: Normal keys

    mutating func handleKey(_ key: Key, state: AppState, layout: ScreenLayout) -> [UICommand] {
        if key == .escape {
            if ui.focus == .detail || ui.detailFullScreen {
                ui.focus = .list
                ui.detailFullScreen = false
                return []
            }
            // In the list, Esc drops the status line's message.
            return state.messages.isEmpty ? [] : [.send(.dismissMessage)]
        }
        guard let command = keyMap.command(for: key) else { return [] }
        let detailContentHeight = max(1, (layout.detail?.height ?? 1) - 1)
        if ui.focus == .detail, let detail = layout.detail {
            let total = DetailPaneView.lineCount(state: state, width: detail.width, charset: charset)
            let maxScroll = max(0, total - detailContentHeight)
            switch command {
            case .moveDown: ui.detailScroll = min(maxScroll, ui.detailScroll + 1); return []
            case .moveUp: ui.detailScroll = max(0, min(maxScroll, ui.detailScroll) - 1); return []
            case .pageDown: ui.detailScroll = min(maxScroll, ui.detailScroll + detailContentHeight); return []
            case .pageUp: ui.detailScroll = max(0, min(maxScroll, ui.detailScroll) - detailContentHeight); return []
            case .top: ui.detailScroll = 0; return []
            case .bottom: ui.detailScroll = maxScroll; return []
            default: break
            }
        }
        let page = max(1, layout.listRows - 1)
        switch command {
        case .moveDown: return select(.moveSelection(1))
        case .moveUp: return select(.moveSelection(-1))
        case .pageDown: return select(.moveSelection(page))
        case .pageUp: return select(.moveSelection(-page))
        case .top: return select(.selectRow(0))
        case .bottom: return select(.selectRow(max(0, state.visibleCount - 1)))
        case .focusDetail:
            if ui.detailFullScreen {
                ui.detailFullScreen = false
                ui.focus = .list
            } else if layout.detail == nil {
                ui.detailFullScreen = true
                ui.focus = .detail
            } else {
                ui.focus = ui.focus == .list ? .detail : .list
            }
            return []
        case .openDetail:
            if ui.detailFullScreen {
                ui.detailFullScreen = false
                ui.focus = .list
            } else {
                ui.detailFullScreen = true
                ui.focus = .detail
                ui.detailScroll = 0
            }
            return []
        case .filter:
            ui.filterEditing = true
            ui.filterBefore = state.filterText
            return startFilter(state: state)
        case .queue1, .queue2, .queue3, .queue4, .queue5, .queue6, .queue7, .queue8, .queue9:
            let n = (command.queueNumber ?? 1) - 1
            guard n < state.queues.count else { return [] }
            ui.detailScroll = 0
            return [.send(.selectQueue(n))]
        case .sortColumn:
            let cycle = ListColumns.sortCycle
            let next = cycle[((cycle.firstIndex(of: state.sort.key) ?? -1) + 1) % cycle.count]
            return [.send(.sort(by: next, ascending: nil))]
        case .sortDirection:
            return [.send(.sort(by: state.sort.key, ascending: !state.sort.ascending))]
        case .mark:
            return [.send(.toggleMark), .send(.moveSelection(1))]
        case .markAll:
            return [.send(.markAllVisible)]
        case .clearMarks:
            return [.send(.clearMarks)]
        case .approve: return [.send(.requestAction(.approve))]
        case .reject: return [.send(.requestAction(.reject))]
        case .cancel: return [.send(.requestAction(.cancel))]
        case .setExecuting: return [.send(.requestAction(.setStateExecuting))]
        case .setDone: return [.send(.requestAction(.setStateDone))]
        case .setErred: return [.send(.requestAction(.setStateErred))]
        case .setBackendID: return [.send(.requestAction(.setBackendID))]
        case .unlink: return [.send(.requestAction(.unlink))]
        case .delete: return [.send(.requestAction(.delete))]
        case .offering:
            guard let summary = OfferingView.summary(state: state) else {
                ui.notice = ("no order selected", false)
                return []
            }
            ui.overlay = .offering(summary)
            return []
        case .copyUUID:
            guard let row = state.selectedRow else {
                ui.notice = ("no order selected", false)
                return []
            }
            ui.notice = ("copied \(row.uuid.hex) to the clipboard (OSC 52)", false)
            return [.copyToClipboard(row.uuid.hex)]
        case .pauseRefresh:
            return [.send(.toggleRefreshPaused)]
        case .refresh:
            return [.send(.reload)]
        case .quit:
            return [.quit]
        case .help:
            ui.overlay = .help
            ui.overlayScroll = 0
            return []
        case .toggleMouse:
            ui.mouseEnabled.toggle()
            ui.notice = (ui.mouseEnabled ? "mouse capture on" : "mouse capture off: the terminal can select text", false)
            return [.setMouse(ui.mouseEnabled)]
        case .halfPageDown, .halfPageUp, .pager, .copyDetail:
            return handleHabit(command, state: state, layout: layout)
        }
    }

    private mutating func select(_ action: AppAction) -> [UICommand] {
        ui.detailScroll = 0
        return [.send(action)]
    }

    // MARK: Mouse

    mutating func handleMouse(_ m: MouseEvent, state: AppState, layout: ScreenLayout) -> [UICommand] {
        guard ui.mouseEnabled, !layout.isTooSmall, state.confirmation == nil, ui.overlay == nil else { return [] }
        let inDetail = layout.detail?.contains(x: m.x, y: m.y) ?? false
        switch m.kind {
        case .wheelUp, .wheelDown:
            let step = m.kind == .wheelUp ? -3 : 3
            if inDetail {
                let total = DetailPaneView.lineCount(state: state, width: layout.detail?.width ?? 0, charset: charset)
                let maxScroll = max(0, total - max(1, (layout.detail?.height ?? 1) - 1))
                ui.detailScroll = min(maxScroll, max(0, ui.detailScroll + step))
                return []
            }
            return select(.moveSelection(step))
        case .click, .doubleClick:
            if m.y == layout.tabsRow {
                for tab in TabsView.positions(state: state, width: layout.width, charset: charset) where m.x >= tab.x && m.x < tab.x + tab.width {
                    return [.send(.selectQueue(tab.index))]
                }
                return []
            }
            if inDetail {
                ui.focus = .detail
                return []
            }
            if let list = layout.list, list.contains(x: m.x, y: m.y), m.y >= layout.firstListRow {
                let index = ui.listTop + (m.y - layout.firstListRow)
                guard index < state.visibleCount else { return [] }
                ui.focus = .list
                if m.kind == .doubleClick {
                    ui.detailFullScreen = true
                    ui.focus = .detail
                }
                return select(.selectRow(index))
            }
            return []
        }
    }

    // MARK: Helpers

    static func deletingLastWord(_ text: String) -> String {
        var t = Substring(text)
        while t.last == " " { t.removeLast() }
        while let last = t.last, last != " " { t.removeLast() }
        return String(t)
    }

    /// A filter line that narrows the list to one offering.
    static func offeringFilter(_ name: String) -> String {
        if name.contains("\"") { return "offering:" + name.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\"", with: "") }
        return "offering:\"\(name)\""
    }
}

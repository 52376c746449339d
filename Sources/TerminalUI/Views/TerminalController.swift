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
    /// Discards the rest of a sentence typed on after a text prompt closed.
    public var typeAhead = TypeAheadGuard()

    public init(keyMap: KeyMap = .defaults, mouseEnabled: Bool = true, charset: Charset = .unicode) {
        self.keyMap = keyMap
        self.charset = charset
        ui = UIState()
        ui.mouseEnabled = mouseEnabled
    }

    /// Brings the UI state in line with the store's: a newly opened confirmation gets its
    /// default focus (its first text field if it has one, else No), and the selection stays on screen.
    public mutating func sync(state: AppState, width: Int, height: Int) {
        if let c = state.confirmation {
            let identity = "\(c.action.rawValue)|\(c.summary)|" + c.calls.map(\.uuid.hex).joined(separator: ",")
            if identity != ui.dialogIdentity {
                ui.dialogIdentity = identity
                ui.dialogFocus = c.fields.isEmpty ? .no : .field(0)
                ui.dialogLastField = 0
            }
        } else {
            ui.dialogIdentity = nil
        }
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen)
        ui.keepVisible(selected: state.selectedIndex, count: state.visibleCount, rows: layout.listRows)
        if layout.detail == nil, ui.focus == .detail { ui.focus = .list }
    }

    /// The mode that owns the keyboard now (see `InputMode`).
    public func mode(state: AppState, width: Int, height: Int) -> InputMode {
        InputMode.current(state: state, ui: ui, layout: ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen))
    }

    /// Handles one input event against the current state; returns what to do. The mode in focus owns the key.
    public mutating func handle(_ event: InputEvent, state: AppState, width: Int, height: Int) -> [UICommand] {
        sync(state: state, width: width, height: height)
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen)
        switch event {
        case .resize:
            return []
        case let .mouse(m):
            return handleMouse(m, state: state, layout: layout)
        case let .key(key):
            let mode = InputMode.current(state: state, ui: ui, layout: layout)
            if mode != .tooSmall { ui.notice = nil }
            switch mode {
            case .tooSmall:
                if key == .character("q") || keyMap.command(for: key) == .quit { return [.quit] }
                return []
            case .dialogField, .dialogButtons:
                guard let confirmation = state.confirmation else { return [] }
                return handleDialog(key, confirmation: confirmation)
            case .help, .messages, .offering:
                return handleOverlay(key, state: state, layout: layout)
            case .filterPrompt:
                return handleFilter(key, state: state)
            case .detail, .list:
                return handleKey(key, state: state, layout: layout)
            }
        }
    }

    /// The chord that confirms a dialog from any of its fields; a control key, so it can never be text.
    public static let confirmChord: Key = .control("y")

    /// Handles the keys of one read (read at `now`) in order. When a dialog opens (with a button focused) or closes,
    /// the keys still waiting in the same read were typed before the user could see the change: they are discarded,
    /// never replayed into the list or into the next dialog. When a text mode (the filter prompt, a dialog's text
    /// field) closes into the list, the keys typed on are discarded until typing pauses (`TypeAheadGuard`): the rest
    /// of a sentence is never taken as commands. The status line says how many keys were dropped. Keys for a text field
    /// are never discarded. `state` reads the store's current state, `perform` runs a command and answers false to stop
    /// (quit). Returns whether to go on.
    public mutating func handleRead(_ events: [InputEvent], at now: ContinuousClock.Instant = .now, width: Int, height: Int,
                                    state: () -> AppState, perform: (UICommand) -> Bool) -> Bool {
        let hasKeys = events.contains { if case .key = $0 { return true } else { return false } }
        let guarded = hasKeys && typeAhead.takesRead(at: now)
        var changedInThisRead = false
        var dropped = 0
        for event in events {
            let current = state()
            let modeBefore = mode(state: current, width: width, height: height)
            if case .key = event, guarded || (changedInThisRead && !modeBefore.takesText) {
                dropped += 1
                continue
            }
            let dialogBefore = current.confirmation != nil
            for command in handle(event, state: current, width: width, height: height) {
                if !perform(command) { return false }
            }
            let after = state()
            sync(state: after, width: width, height: height)
            let dialogAfter = after.confirmation != nil
            let modeAfter = mode(state: after, width: width, height: height)
            // A dialog that opened with a button focused, or that closed: keys typed before the user saw it are not taken.
            if dialogBefore != dialogAfter, !(dialogAfter && modeAfter.takesText) {
                changedInThisRead = true
            }
            // A text mode that closed into the list: what is typed on until a pause is the rest of the text.
            if case .key = event, modeBefore.takesText, !modeAfter.takesText, !modeAfter.isDialog {
                changedInThisRead = true
                typeAhead.arm(at: now)
            }
        }
        if dropped > 0 {
            if guarded || typeAhead.isArmed {
                typeAhead.discard(dropped)
                let n = typeAhead.dropped
                ui.notice = ("discarded \(n) key\(n == 1 ? "" : "s") typed on after the text closed (pause, then command)", false)
            } else {
                ui.notice = ("discarded \(dropped) key\(dropped == 1 ? "" : "s") typed while a dialog was opening or closing", false)
            }
        }
        return true
    }

    // MARK: Dialog

    mutating func handleDialog(_ key: Key, confirmation c: ActionConfirmation) -> [UICommand] {
        let fieldCount = c.fields.count
        let order: [UIState.DialogFocus] = (0..<fieldCount).map { UIState.DialogFocus.field($0) } + [.no, .yes]
        func cycle(_ step: Int) {
            let i = order.firstIndex(of: ui.dialogFocus) ?? 0
            ui.dialogFocus = order[(i + step + order.count) % order.count]
            if case let .field(f) = ui.dialogFocus { ui.dialogLastField = f }
        }
        if key == .escape { return [.send(.cancelAction)] }
        if key == TerminalController.confirmChord { return [.send(.confirmAction)] }
        if case let .field(i) = ui.dialogFocus, i < fieldCount {
            let text = i < c.texts.count ? c.texts[i] : ""
            ui.dialogLastField = i
            switch key {
            case let .character(ch): return [.send(.setActionField(i, text + String(ch)))]
            case .backspace:
                var t = text
                if !t.isEmpty { t.removeLast() }
                return [.send(.setActionField(i, t))]
            case .control("u"): return [.send(.setActionField(i, ""))]
            case .control("w"): return [.send(.setActionField(i, TerminalController.deletingLastWord(text)))]
            case .enter: ui.dialogFocus = i + 1 < fieldCount ? .field(i + 1) : .yes
            case .tab, .down: cycle(1)
            case .backTab, .up: cycle(-1)
            default: break
            }
            return []
        }
        if fieldCount > 0 {
            // No letter confirms or cancels a dialog with text fields: typing goes back into the text.
            if case let .character(ch) = key {
                let i = min(max(0, ui.dialogLastField), fieldCount - 1)
                ui.dialogFocus = .field(i)
                let text = i < c.texts.count ? c.texts[i] : ""
                return [.send(.setActionField(i, text + String(ch)))]
            }
            if key == .backspace {
                ui.dialogFocus = .field(min(max(0, ui.dialogLastField), fieldCount - 1))
                return []
            }
        } else {
            switch key {
            case .character("y"), .character("Y"): return [.send(.confirmAction)]
            case .character("n"), .character("N"), .character("q"): return [.send(.cancelAction)]
            case .character("h"): cycle(-1); return []
            case .character("l"): cycle(1); return []
            default: break
            }
        }
        switch key {
        case .left, .backTab, .up: cycle(-1)
        case .right, .tab, .down: cycle(1)
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
        if command == .messages, ui.overlay == .messages { closeOverlay(); return [] }
        if command == .offering, case .offering = ui.overlay { closeOverlay(); return [] }
        if key == .enter, case let .offering(summary) = ui.overlay {
            closeOverlay()
            return [.send(.setFilterText(FilterText.offering(summary.name)))]
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
            let total = HelpOverlayView.lines(context: ScreenContext(serverHost: "", user: nil, keyMap: keyMap, charset: charset), readOnly: false, width: 80).count
            ui.overlayScroll = min(ui.overlayScroll, max(0, total - (layout.body.height - 2)))
        }
        if ui.overlay == .messages {
            let total = MessageLogView.lines(state: state, width: MessageLogView.textWidth(bounds: layout.body), charset: charset).count
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
            // In the list, Esc clears the status line; an older message never comes back in its place.
            return state.statusLine == nil ? [] : [.send(.dismissMessage)]
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
        case .approve, .reject, .cancel, .setExecuting, .setDone, .setErred, .setBackendID, .unlink, .delete:
            return command.orderAction.map { [.send(.requestAction($0))] } ?? []
        case .offering:
            guard let summary = state.offeringSummary else {
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
        case .messages:
            ui.overlay = .messages
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
}

import OrderStore

/// The one input model: which mode owns the keyboard right now. Every keystroke has exactly one owner, the mode in
/// focus, and no other mode sees it. `TerminalController.handle` dispatches on this and nothing else.
///
/// | mode | owns | keys |
/// |---|---|---|
/// | `tooSmall` | the "terminal too small" screen | `q` quits; everything else is ignored |
/// | `dialogField(i)` | a dialog's text field `i` | every printable key (y, n, q, space, digits too) is text; Backspace, Ctrl-U (clear), Ctrl-W (word); Tab/Down/Enter next field, then [Yes]; Shift-Tab/Up back; Ctrl-Y confirms; Esc cancels (the text is kept for the next dialog of that action) |
/// | `dialogButtons(hasFields)` | a dialog's [No]/[Yes] | Tab, arrows, h/l move; Enter picks the focused button; Ctrl-Y confirms; Esc cancels. Without text fields also `y` confirms and `n`/`q` cancel. With text fields no letter confirms or cancels: a printable key goes back into the last text field |
/// | `filterPrompt` | the `/` line (starts empty) | every printable key is filter text; Backspace, Ctrl-U, Ctrl-W; Up/Down recall earlier filters; Enter keeps; Esc restores the filter in force before |
/// | `help` | the `?` window | j/k, PgUp/PgDn, g/G scroll; Esc, `q` or `?` close |
/// | `messages` | the message log window | j/k, PgUp/PgDn, g/G scroll; Esc, `q` or the log key close |
/// | `offering` | the offering window | j/k scroll; Enter filters the list to the offering; Esc, `q` or `o` close |
/// | `detail` | the detail pane (focused or full screen) | movement keys and Ctrl-D/Ctrl-U scroll it; `|`/`v` open it in `$PAGER`, `Y` copies it; Esc or Tab back to the list; other commands as in the list |
/// | `list` | the order list | the key map (`KeyMap`): movement, queues, marks, actions, … ; Esc clears the status line |
///
/// A dialog's closing also ends its keys: what was typed ahead while it was open or closing (the rest of the same
/// read) is discarded, never replayed into the list (`TerminalController.handleRead`), and the status line says how
/// many keys were dropped. A text mode's closing (Enter or Esc in the filter prompt, Ctrl-Y or Esc in a dialog's text
/// field) also ends its keys: what is typed on until typing pauses is discarded (`TypeAheadGuard`), so the rest of a
/// sentence never reaches the list as commands.
public enum InputMode: Sendable, Equatable {
    case tooSmall
    /// A text field of the open confirmation has focus.
    case dialogField(Int)
    /// A button of the open confirmation has focus; `hasFields` when the dialog has text fields.
    case dialogButtons(hasFields: Bool)
    case filterPrompt
    case help
    case messages
    case offering
    case detail
    case list

    /// The mode that owns the keyboard for this state.
    public static func current(state: AppState, ui: UIState, layout: ScreenLayout) -> InputMode {
        if layout.isTooSmall { return .tooSmall }
        if let c = state.confirmation {
            if case let .field(i) = ui.dialogFocus, i < c.fields.count { return .dialogField(i) }
            return .dialogButtons(hasFields: !c.fields.isEmpty)
        }
        switch ui.overlay {
        case .help: return .help
        case .messages: return .messages
        case .offering: return .offering
        case nil: break
        }
        if ui.filterEditing { return .filterPrompt }
        if ui.focus == .detail || ui.detailFullScreen { return .detail }
        return .list
    }

    /// Whether printable keys are text in this mode.
    public var takesText: Bool {
        switch self {
        case .dialogField, .filterPrompt: return true
        default: return false
        }
    }

    /// Whether this mode belongs to a confirmation dialog.
    public var isDialog: Bool {
        switch self {
        case .dialogField, .dialogButtons: return true
        default: return false
        }
    }
}

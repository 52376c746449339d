import WaldurClient

/// How an order state is shown: a glyph AND the word (colour is never the only signal), and its theme role.
public enum StateStyle {
    public static func role(_ state: OrderState) -> ThemeRole {
        switch state {
        case .pendingConsumer: return .statePendingConsumer
        case .pendingProvider: return .statePendingProvider
        case .pendingProject: return .statePendingProject
        case .pendingStartDate: return .statePendingStartDate
        case .executing: return .stateExecuting
        case .done: return .stateDone
        case .erred: return .stateErred
        case .canceled: return .stateCanceled
        case .rejected: return .stateRejected
        case .unknown: return .stateUnknown
        }
    }

    /// A one-cell glyph per state.
    public static func glyph(_ state: OrderState, charset: Charset) -> String {
        switch charset {
        case .unicode:
            switch state {
            case .pendingConsumer: return "◔"
            case .pendingProvider: return "◑"
            case .pendingProject: return "◕"
            case .pendingStartDate: return "◷"
            case .executing: return "▶"
            case .done: return "✔"
            case .erred: return "✖"
            case .canceled: return "⊘"
            case .rejected: return "✗"
            case .unknown: return "?"
            }
        case .ascii:
            switch state {
            case .pendingConsumer: return "c"
            case .pendingProvider: return "p"
            case .pendingProject: return "j"
            case .pendingStartDate: return "s"
            case .executing: return ">"
            case .done: return "+"
            case .erred: return "!"
            case .canceled: return "-"
            case .rejected: return "x"
            case .unknown: return "?"
            }
        }
    }

    /// The state's word as the API spells it (unknown states show what the server sent).
    public static func word(_ state: OrderState) -> String { state.wire.isEmpty ? "?" : state.wire }

    /// "◔ pending-consumer".
    public static func label(_ state: OrderState, charset: Charset) -> String {
        glyph(state, charset: charset) + " " + word(state)
    }

    /// A short word that still tells every state apart (at most 9 cells): `pend·cons`, `pend·prov`, `pend·proj`,
    /// `pend·date` (`pend-cons` … in ASCII); the others are short already. Unknown states keep what the server sent.
    public static func shortWord(_ state: OrderState, charset: Charset) -> String {
        let dot = charset == .unicode ? "·" : "-"
        switch state {
        case .pendingConsumer: return "pend\(dot)cons"
        case .pendingProvider: return "pend\(dot)prov"
        case .pendingProject: return "pend\(dot)proj"
        case .pendingStartDate: return "pend\(dot)date"
        default: return word(state)
        }
    }

    /// The glyph and the full word when it fits in `width` cells, else the glyph and the short word.
    public static func label(_ state: OrderState, charset: Charset, width: Int) -> String {
        let full = label(state, charset: charset)
        if CellText.width(full, charset: charset) <= width { return full }
        return glyph(state, charset: charset) + " " + shortWord(state, charset: charset)
    }

    /// The widest full label ("◷ pending-start-date").
    public static let fullLabelWidth = 20
    /// The widest short label ("◔ pend·cons").
    public static let shortLabelWidth = 11
}

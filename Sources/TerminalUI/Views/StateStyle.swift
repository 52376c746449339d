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
}

/// A user-level action on orders; approve and reject pick the consumer or provider endpoint from the order's state.
public enum OrderAction: String, Sendable, Hashable, CaseIterable {
    case approve, reject, cancel, setStateExecuting, setStateDone, setStateErred, setBackendID, unlink, delete

    /// A short verb for menus and confirmations.
    public var title: String {
        switch self {
        case .approve: return "approve"
        case .reject: return "reject"
        case .cancel: return "cancel"
        case .setStateExecuting: return "set executing"
        case .setStateDone: return "set done"
        case .setStateErred: return "set erred"
        case .setBackendID: return "set backend id"
        case .unlink: return "unlink"
        case .delete: return "delete"
        }
    }

    /// Every action here changes the server (all are refused in read-only mode).
    public var isMutating: Bool { true }

    /// The first text input the API takes for this action, if any.
    public var input: ActionInput? { inputs.first }

    /// The text inputs the API takes for this action, in the order the dialog shows them.
    public var inputs: [ActionInput] {
        switch self {
        case .reject: return [ActionInput(prompt: "rejection comment to the consumer (optional)", isRequired: false)]
        case .setStateErred:
            return [ActionInput(prompt: "error message", isRequired: true),
                    ActionInput(prompt: "error traceback (optional)", isRequired: false)]
        case .setBackendID: return [ActionInput(prompt: "backend id", isRequired: true)]
        default: return []
        }
    }
}

/// A text the user types before confirming an action.
public struct ActionInput: Sendable, Equatable {
    public var prompt: String
    public var isRequired: Bool

    /// The prompt with its article, for sentences: "an error message", "a backend id".
    public var withArticle: String {
        let bare = prompt.replacingOccurrences(of: " (optional)", with: "")
        guard let first = bare.lowercased().first else { return bare }
        return ("aeiou".contains(first) ? "an " : "a ") + bare
    }
}

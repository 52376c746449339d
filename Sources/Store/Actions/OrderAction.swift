/// A user-level action on orders; approve and reject pick the consumer or provider endpoint from the order's state.
/// What each one is and calls is declared once, in `ActionTable`.
public enum OrderAction: String, Sendable, Hashable, CaseIterable {
    case approve, reject, cancel, setStateExecuting, setStateDone, setStateErred, setBackendID, unlink, delete

    /// A short verb for menus, confirmations and the audit log.
    public var title: String { ActionTable.row(self).title }

    /// The first text input the API takes for this action, if any.
    public var input: ActionInput? { inputs.first }

    /// The text inputs the API takes for this action, in the order the dialog shows them.
    public var inputs: [ActionInput] { ActionTable.row(self).inputs }

    /// The endpoints the action may call (the rule picks one per order).
    public var endpoints: [ActionEndpoint] { ActionTable.row(self).endpoints }
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

import OrderStore
import WaldurClient

extension ColumnKind {
    /// The list fields (`field=` names) the column shows.
    public var listFields: [String] {
        switch self {
        case .error: return ["error_message"]
        case .backendID: return ["backend_id"]
        default: return sortKey.map(ListFields.fields(for:)) ?? []
        }
    }
}

extension QueueColumns {
    /// The list fields every queue's columns need together (one load serves every tab, so switching tabs never
    /// reloads): the built-in queues and the user queues named in `userQueueNames`, cheapest first.
    public func listFields(userQueueNames: [String]) -> [String] {
        var kinds = Queue.builtIn.flatMap { columns(for: $0) }
        for name in userQueueNames { kinds += columns(for: Queue(name: name, kind: .custom(.empty))) }
        return ListFields.ordered(kinds.flatMap(\.listFields))
    }
}

extension QueueColumns {
    /// For each known state, the list fields the columns of the queues that can show an order in it need: its state
    /// queues, "Needs me" for the two approvable states, "All" and the user queues (whose filters may take any state).
    public func stateListFields(userQueueNames: [String]) -> [OrderState: [String]] {
        var out: [OrderState: [String]] = [:]
        for state in OrderState.known {
            var kinds: [ColumnKind] = []
            for queue in Queue.builtIn where QueueColumns.canShow(queue.kind, state) { kinds += columns(for: queue) }
            for name in userQueueNames { kinds += columns(for: Queue(name: name, kind: .custom(.empty))) }
            out[state] = ListFields.ordered(kinds.flatMap(\.listFields))
        }
        return out
    }

    /// Whether a built-in queue of `kind` can hold an order in `state`.
    static func canShow(_ kind: Queue.Kind, _ state: OrderState) -> Bool {
        switch Queue.rule(of: kind) {
        case let .states(states): return states.contains(state)
        case .needsMe: return state == .pendingConsumer || state == .pendingProvider
        case .all, .filter: return true
        }
    }
}

import OrderStore

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

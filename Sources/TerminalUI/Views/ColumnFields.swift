import OrderStore

extension ColumnKind {
    /// The list fields (`field=` names) the column shows.
    public var listFields: [String] {
        switch self {
        case .state: return ["state"]
        case .type: return ["type"]
        case .offering: return ["offering_name"]
        case .plan: return ["plan_name"]
        case .project: return ["project_name"]
        case .customer: return ["customer_name"]
        case .provider: return ["provider_name"]
        case .resource: return ["resource_name"]
        case .cost: return ["cost"]
        case .age: return ["created"]
        case .modified: return ["modified"]
        case .createdBy: return ["created_by_username", "created_by_full_name"]
        case .error: return ["error_message"]
        case .backendID: return ["backend_id"]
        case .uuid: return ["uuid"]
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

import OrderStore

/// Which columns each queue's list shows: sensible defaults per built-in queue, overridden per queue name by
/// the config file (`[[queues]] … columns = [...]`).
public struct QueueColumns: Sendable, Equatable {
    /// Queue name → its columns, from the config file.
    public var byName: [String: [ColumnKind]]

    public init(byName: [String: [ColumnKind]] = [:]) {
        self.byName = byName
    }

    /// Reads the config file's lists (queue name → column names); unknown names are left out and reported.
    public static func parse(_ lists: [String: [String]]) -> (columns: QueueColumns, problems: [String]) {
        var out: [String: [ColumnKind]] = [:]
        var problems: [String] = []
        for name in lists.keys.sorted() {
            var kinds: [ColumnKind] = []
            for column in lists[name] ?? [] {
                guard let kind = ColumnKind(configName: column) else {
                    problems.append("queue “\(name)”: unknown column '\(column)' (known: \(ColumnKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            if !kinds.isEmpty { out[name] = kinds }
        }
        return (QueueColumns(byName: out), problems)
    }

    /// The columns of `queue`: the config file's list, else the queue kind's default.
    public func columns(for queue: Queue) -> [ColumnKind] {
        if case .custom = queue.kind, let configured = byName[queue.name] { return configured }
        return QueueColumns.defaults(queue.kind)
    }

    /// The built-in lists: what each queue is looked at for.
    public static func defaults(_ kind: Queue.Kind) -> [ColumnKind] {
        switch kind {
        case .needsMe, .pending:
            return [.state, .type, .offering, .project, .customer, .createdBy, .cost, .age]
        case .executing:
            return [.state, .type, .offering, .resource, .project, .customer, .modified, .age]
        case .erred:
            // When and why it failed, on what: the type gives way to the message.
            return [.state, .resource, .error, .offering, .project, .customer, .modified]
        case .done:
            return [.state, .type, .offering, .resource, .project, .customer, .cost, .age]
        case .closed:
            return [.state, .type, .offering, .project, .customer, .createdBy, .age]
        case .all, .custom:
            return [.state, .type, .offering, .project, .customer, .cost, .age]
        }
    }
}

import WaldurClient

/// A full load asked by groups of states (issue 14): each group with only the fields the columns of its queues show
/// plus what every rule needs. On a real Waldur each related object a field touches costs one SQL query per order
/// (Benchmarks/RealServer/FieldCosts.md), so "Created by" is not loaded for executing, erred and done orders, and
/// "Resource" not for pending and closed ones, with the built-in columns.
extension AppState {
    /// The known states grouped by the fields a load of `fields` needs for them now.
    func stateGroups(_ fields: [String]) -> [(states: [OrderState], fields: [String])] {
        ListFields.stateGroups(fields: fields, columns: configuration.columnFields ?? [], stateColumns: configuration.stateColumnFields,
                               kept: ListFields.rules(filter: appliedFilter, sort: sort.key, queues: queues, isStaff: configuration.isStaff))
    }

    /// The parts a full load of `query` is asked as: one per group of states (within the query's own states, if it
    /// has any); none when every state needs the same fields.
    func loadParts(_ query: OrderListQuery) -> [OrderListQuery] {
        guard !configuration.stateColumnFields.isEmpty else { return [] }
        let groups = stateGroups(query.fields)
        guard groups.count > 1 else { return [] }
        var parts: [OrderListQuery] = []
        for group in groups {
            let states = query.state.isEmpty ? group.states : group.states.filter(query.state.contains)
            // States an older server does not know go in a part of their own (see `ListFields.newerStates`).
            for split in [states.filter { !ListFields.newerStates.contains($0) }, states.filter(ListFields.newerStates.contains)] where !split.isEmpty {
                var part = query
                part.state = split
                part.fields = group.fields
                parts.append(part)
            }
        }
        return parts
    }

    /// Fields the loaded orders lack for what the columns, sort, filter and rules need now: in the loaded query, or,
    /// for a load asked in parts, in the part that loaded each state.
    var missingFields: Set<String> {
        guard let loaded = loadedServerQuery else { return [] }
        let needed = neededFields
        var missing = Set(needed).subtracting(loaded.fields)
        guard !loadedParts.isEmpty else { return missing }
        let wanted = stateGroups(needed)
        for part in loadedParts {
            for group in wanted where group.states.contains(where: part.state.contains) {
                missing.formUnion(Set(group.fields).subtracting(part.fields))
            }
        }
        return missing
    }
}

import WaldurClient

extension ListFields {
    /// States the reference names that the 2024-10 server does not have: its list filter refuses them (HTTP 400), so
    /// a load in parts asks for them in a part of their own, which such a server's refusal leaves out.
    public static let newerStates: Set<OrderState> = [.pendingStartDate]

    /// The known states grouped by the fields a load of `fields` needs for them: a column field is left out for a
    /// state when no queue that can show that state shows it (`stateColumns`) and no rule needs it (`kept`).
    /// Groups are in the order of `OrderState.known` (by their first state); one group when every state needs the same.
    public static func stateGroups(fields: [String], columns: [String], stateColumns: [OrderState: [String]],
                                   kept: Set<String>) -> [(states: [OrderState], fields: [String])] {
        var groups: [(states: [OrderState], fields: [String])] = []
        for state in OrderState.known {
            let shown = Set(stateColumns[state] ?? columns)
            let dropped = Set(columns).subtracting(shown).subtracting(kept)
            let needed = fields.filter { !dropped.contains($0) }
            if let g = groups.firstIndex(where: { $0.fields == needed }) { groups[g].states.append(state) } else { groups.append(([state], needed)) }
        }
        return groups
    }
}

/// Who may see and do what, as Waldur's permission checks decide it.
struct Access {
    let catalog: Catalog
    let user: Int
    /// Orders this user no longer sees (a test hook: as if access to their project had been withdrawn).
    var hidden: Set<UUIDKey> = []

    var person: Person { catalog.people[user] }
    var isStaff: Bool { person.isStaff }

    /// Owner of the order's customer (APPROVE/REJECT/CANCEL/DESTROY_ORDER on the consumer side).
    func ownsConsumer(_ o: StoredOrder) -> Bool {
        person.ownedCustomers.contains(catalog.projects[o.project].customer)
    }

    /// Owner of the offering's service provider.
    func ownsProvider(_ o: StoredOrder) -> Bool {
        person.ownedCustomers.contains(catalog.offerings[o.offering].provider)
    }

    /// Orders of the user's projects and customers, plus orders for their provider's offerings; staff see all.
    func canSee(_ o: StoredOrder) -> Bool {
        if !hidden.isEmpty, hidden.contains(o.key) { return false }
        if isStaff { return true }
        let p = person
        return p.memberProjects.contains(o.project) || p.ownedCustomers.contains(catalog.projects[o.project].customer)
            || p.ownedCustomers.contains(catalog.offerings[o.offering].provider)
    }

    /// Whether the user may create orders in a project (members and owners).
    func canOrder(inProject p: Int) -> Bool {
        isStaff || person.memberProjects.contains(p) || person.ownedCustomers.contains(catalog.projects[p].customer)
    }

    /// Whether the creator could approve as consumer, so the consumer review is skipped.
    func canApproveAsConsumer(project p: Int) -> Bool {
        isStaff || person.ownedCustomers.contains(catalog.projects[p].customer)
    }

    func consumerApprover(_ o: StoredOrder) -> Bool { isStaff || ownsConsumer(o) }
    func providerApprover(_ o: StoredOrder) -> Bool { isStaff || ownsProvider(o) }
    func consumerRejecter(_ o: StoredOrder) -> Bool { isStaff || ownsConsumer(o) || o.createdBy == user }
    func consumerSide(_ o: StoredOrder) -> Bool { isStaff || ownsConsumer(o) || o.createdBy == user }
}

/// The test hook that changes who sees an order without changing the order.
extension SandboxStore {
    func withdrawVisibility(order: String, fromRole role: String) -> Bool {
        guard let key = UUIDKey(parsing: order), index[key] != nil,
              let user = catalog.people.firstIndex(where: { $0.role == role }) else { return false }
        hiddenOrders[user, default: []].insert(key)
        return true
    }
}

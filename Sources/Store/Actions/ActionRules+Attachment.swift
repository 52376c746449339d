import WaldurClient

extension ActionRules {
    /// Why the order's attachment cannot be uploaded or removed now (nil: it can). The API takes attachments on
    /// pending orders, from the consumer side; the server decides the permission.
    public static func attachmentRefusal(for facts: OrderFacts, configuration: StoreConfiguration) -> String? {
        if configuration.readOnly { return "read-only mode: attachments cannot be changed" }
        switch facts.state {
        case .pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate: return nil
        default: return "only pending orders take attachments; this one is \(facts.state.wire)"
        }
    }

    /// The facts of one order as the screen computes them (`AppState.facts(for:)`): its state, type and offering
    /// type, whether it is in the user's can-approve lists, and whether the user created it.
    public static func facts(of order: Order, canApproveAsConsumer: Bool, canApproveAsProvider: Bool, username: String?) -> OrderFacts {
        let creator = order.createdByUsername.flatMap { $0.isEmpty ? nil : $0 } ?? order.createdBy ?? ""
        return OrderFacts(state: order.state ?? .unknown(""), type: order.type, offeringType: order.offeringType ?? "",
                          canApproveAsConsumer: canApproveAsConsumer, canApproveAsProvider: canApproveAsProvider,
                          isCreator: OrderFacts.isCreator(creator, username: username))
    }
}

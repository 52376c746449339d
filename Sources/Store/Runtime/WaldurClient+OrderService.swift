import WaldurClient

/// The real client is the store's service: every requirement is one of its endpoints.
extension WaldurClient: OrderService {}

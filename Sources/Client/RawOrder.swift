/// An order decoded, together with the JSON the server sent for it (every key, nulls and number text kept).
public struct RawOrder: Sendable {
    public var order: Order
    /// The order exactly as sent.
    public var json: JSONValue

    public init(order: Order, json: JSONValue) {
        self.order = order
        self.json = json
    }
}

/// A value with a fixed set of wire names that keeps names it does not know (`OrderState`, `OrderType`).
public protocol WireNamed: Sendable {
    /// The value for a name as the API spells it.
    init(wire: String)
    /// The name as the API spells it.
    var wire: String { get }
}

extension OrderState: WireNamed {}
extension OrderType: WireNamed {}

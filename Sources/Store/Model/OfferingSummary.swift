import Foundation

/// The offering of the selected order and how the loaded orders of it are spread over states.
public struct OfferingSummary: Sendable, Equatable {
    public var name: String
    public var type: String
    public var provider: String
    public var plan: String
    /// (state word, count) in lifecycle order.
    public var counts: [(state: String, count: Int)]
    public var total: Int

    public init(name: String, type: String, provider: String, plan: String, counts: [(state: String, count: Int)], total: Int) {
        self.name = name
        self.type = type
        self.provider = provider
        self.plan = plan
        self.counts = counts
        self.total = total
    }

    public static func == (a: OfferingSummary, b: OfferingSummary) -> Bool {
        a.name == b.name && a.type == b.type && a.provider == b.provider && a.plan == b.plan && a.total == b.total
            && a.counts.map(\.state) == b.counts.map(\.state) && a.counts.map(\.count) == b.counts.map(\.count)
    }
}

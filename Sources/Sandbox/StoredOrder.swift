import Foundation
import WaldurClient

/// One order as the sandbox keeps it: indexes into the catalog, integer timestamps, shared strings.
struct StoredOrder: Sendable {
    var key: UUIDKey
    /// Creation sequence, the tie-breaker of every ordering.
    var seq: Int
    var offering: Int
    var plan: Int?
    var oldPlan: Int?
    var project: Int
    var type: OrderType
    var state: OrderState
    var created: Int64
    var modified: Int64
    var createdBy: Int
    var consumerReviewer: Int?
    var consumerReviewedAt: Int64?
    var providerReviewer: Int?
    var providerReviewedAt: Int64?
    var completedAt: Int64?
    var cost: Decimal?
    var oldCost: Decimal?
    var newCost: Decimal?
    /// Limits aligned with the offering's limit components.
    var limits: [Int]
    var resourceName: String
    var resourceKey: UUIDKey
    var pluginResourceKey: UUIDKey
    var attributeDescription: String?
    var errorMessage: String = ""
    var errorTraceback: String = ""
    var backendID: String = ""
    var deleted = false
    /// Fields most orders leave unset, kept out of line so the common record stays small.
    var rare: RareOrderFields?

    /// For limit updates: the limits before.
    var oldLimits: [Int]? { get { rare?.oldLimits } set { setRare(\.oldLimits, newValue) } }
    /// When set, rendered as the whole `attributes` object (created orders, provider edits, hostile data).
    var attributesOverride: JSONValue? { get { rare?.attributesOverride } set { setRare(\.attributesOverride, newValue) } }
    /// When set, rendered as `limits` instead of the aligned integers (created orders, hostile data).
    var limitsOverride: JSONValue? { get { rare?.limitsOverride } set { setRare(\.limitsOverride, newValue) } }
    var requestComment: String? { get { rare?.requestComment } set { setRare(\.requestComment, newValue) } }
    var attachment: String? { get { rare?.attachment } set { setRare(\.attachment, newValue) } }
    var startDate: String? { get { rare?.startDate } set { setRare(\.startDate, newValue) } }
    var startMicros: Int64? { get { rare?.startMicros } set { setRare(\.startMicros, newValue) } }
    var terminationComment: String? { get { rare?.terminationComment } set { setRare(\.terminationComment, newValue) } }
    var callbackURL: String? { get { rare?.callbackURL } set { setRare(\.callbackURL, newValue) } }
    /// Hostile data only: members whose rendered value is replaced (numbers where strings belong and the like).
    var wireOverrides: [(String, JSONValue)]? { get { rare?.wireOverrides } set { setRare(\.wireOverrides, newValue) } }

    /// Copy-on-write update of one rare field; setting nil on an order without rare fields allocates nothing.
    private mutating func setRare<T>(_ path: ReferenceWritableKeyPath<RareOrderFields, T?>, _ value: T?) {
        if rare == nil {
            guard value != nil else { return }
            rare = RareOrderFields()
        } else if !isKnownUniquelyReferenced(&rare) {
            rare = rare?.copy()
        }
        rare?[keyPath: path] = value
    }
}

/// The rarely set fields of an order, shared between copies until one of them changes (copy-on-write through `StoredOrder`).
final class RareOrderFields: @unchecked Sendable {
    var oldLimits: [Int]?
    var attributesOverride: JSONValue?
    var limitsOverride: JSONValue?
    var requestComment: String?
    var attachment: String?
    var startDate: String?
    var startMicros: Int64?
    var terminationComment: String?
    var callbackURL: String?
    var wireOverrides: [(String, JSONValue)]?

    init() {}

    func copy() -> RareOrderFields {
        let c = RareOrderFields()
        c.oldLimits = oldLimits
        c.attributesOverride = attributesOverride
        c.limitsOverride = limitsOverride
        c.requestComment = requestComment
        c.attachment = attachment
        c.startDate = startDate
        c.startMicros = startMicros
        c.terminationComment = terminationComment
        c.callbackURL = callbackURL
        c.wireOverrides = wireOverrides
        return c
    }
}

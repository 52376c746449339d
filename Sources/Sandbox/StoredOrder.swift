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
    /// For limit updates: the limits before.
    var oldLimits: [Int]?
    var resourceName: String
    var resourceKey: UUIDKey
    var pluginResourceKey: UUIDKey
    var attributeDescription: String?
    /// When set, rendered as the whole `attributes` object (created orders, provider edits, hostile data).
    var attributesOverride: JSONValue?
    /// When set, rendered as `limits` instead of the aligned integers (created orders, hostile data).
    var limitsOverride: JSONValue?
    var errorMessage: String = ""
    var errorTraceback: String = ""
    var backendID: String = ""
    var requestComment: String?
    var attachment: String?
    var startDate: String?
    var startMicros: Int64?
    var terminationComment: String?
    var callbackURL: String?
    /// Hostile data only: members whose rendered value is replaced (numbers where strings belong and the like).
    var wireOverrides: [(String, JSONValue)]?
    var deleted = false
}

import Foundation
import WaldurClient

/// One visible list line as plain, display-safe data (control characters replaced).
public struct ListRow: Sendable, Equatable {
    public var uuid: WaldurUUID
    /// The first 8 hex digits.
    public var shortUUID: String
    public var state: OrderState
    public var type: String
    public var offering: String
    public var offeringType: String
    public var plan: String
    public var project: String
    public var customer: String
    public var provider: String
    public var resource: String
    public var createdBy: String
    public var consumerReviewer: String
    public var providerReviewer: String
    /// Formatted with two decimals; "" when absent.
    public var cost: String
    public var created: Date?
    public var modified: Date?
    public var consumerReviewedAt: Date?
    public var isSelected: Bool
    public var isMarked: Bool
    /// Arrived with a refresh (highlight).
    public var isNew: Bool
    /// Changed by a refresh (highlight).
    public var isChanged: Bool
    /// An action sent for this order and not yet answered.
    public var pendingAction: OrderAction?
    /// In the "Needs me" queue.
    public var needsMe: Bool
    /// The error message's first line ("" when none).
    public var errorMessage: String = ""
    /// The backend id ("" when none).
    public var backendID: String = ""

    /// The cell text of a column.
    public func text(for key: SortKey) -> String {
        switch key {
        case .created: return created.map(ListRow.formatDate) ?? ""
        case .modified: return modified.map(ListRow.formatDate) ?? ""
        case .state: return state.wire
        case .type: return type
        case .cost: return cost
        case .offering: return offering
        case .plan: return plan
        case .project: return project
        case .customer: return customer
        case .provider: return provider
        case .resource: return resource
        case .createdBy: return createdBy
        case .consumerReviewedAt: return consumerReviewedAt.map(ListRow.formatDate) ?? ""
        case .uuid: return shortUUID
        }
    }

    /// `2026-11-26 09:15` (UTC).
    public static func formatDate(_ date: Date) -> String {
        let s = WaldurDate.format(date)
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(5))
    }
}

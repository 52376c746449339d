import Foundation
import OrderStore

/// A column the order list can show. The raw value is the name used in config.toml (`columns = ["state", …]`).
public enum ColumnKind: String, CaseIterable, Sendable, Hashable {
    case state, type, offering, plan, project, customer, provider, resource, cost, age, modified
    case createdBy = "created-by"
    case error
    case backendID = "backend-id"
    case uuid

    /// Reads a config name: `created-by`, `created_by` and `created by` all name the same column, any case.
    public init?(configName: String) {
        let normalized = configName.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch normalized {
        case "error-message", "message": self = .error
        case "backend": self = .backendID
        case "created": self = .age
        default: self.init(rawValue: normalized)
        }
    }

    /// The column header: the sort key's title where the column sorts by its own value (Age sorts by created).
    public var title: String {
        switch self {
        case .age: return "Age"
        case .error: return "Error"
        case .backendID: return "Backend id"
        default: return sortKey?.title ?? rawValue
        }
    }

    /// The sort key of the column, when the list can sort by it.
    public var sortKey: SortKey? {
        switch self {
        case .state: return .state
        case .type: return .type
        case .offering: return .offering
        case .plan: return .plan
        case .project: return .project
        case .customer: return .customer
        case .provider: return .provider
        case .resource: return .resource
        case .cost: return .cost
        case .age: return .created
        case .modified: return .modified
        case .createdBy: return .createdBy
        case .uuid: return .uuid
        case .error, .backendID: return nil
        }
    }

    /// Numbers and ages line up on the right.
    public var isRightAligned: Bool { self == .cost || self == .age || self == .modified }

    /// How telling the column is (0 most): when the list is too narrow, the highest number is dropped first.
    public var priority: Int {
        switch self {
        case .state: return 0
        case .error: return 1
        case .offering: return 2
        case .resource: return 3
        case .age: return 4
        case .cost: return 5
        case .project: return 6
        case .type: return 7
        case .customer: return 8
        case .createdBy: return 9
        case .modified: return 10
        case .provider: return 11
        case .plan: return 12
        case .backendID: return 13
        case .uuid: return 14
        }
    }

    /// The narrowest width that still reads (a column that would get less is dropped instead).
    public var minimumWidth: Int {
        switch self {
        case .state: return StateStyle.shortLabelWidth
        case .type: return 9
        case .cost: return 9
        case .age: return 4
        case .modified: return 8
        case .error: return 16
        case .uuid: return 8
        default: return 10
        }
    }

    /// The width the column grows to before spare room is shared out.
    public var idealWidth: Int {
        switch self {
        case .state: return StateStyle.fullLabelWidth
        case .type: return 9
        case .cost: return 10
        case .age: return 4
        case .modified: return 8
        case .error: return 30
        case .uuid: return 8
        case .backendID: return 12
        default: return 14
        }
    }

    /// The share of spare room beyond the ideal widths (0: fixed width).
    public var weight: Int {
        switch self {
        case .state, .type, .cost, .age, .modified, .uuid: return 0
        case .error: return 8
        case .offering: return 4
        case .project, .customer, .resource: return 3
        case .provider, .plan, .createdBy: return 2
        case .backendID: return 1
        }
    }

    /// Free text (names, messages) rather than a fixed-form value.
    var isText: Bool { weight > 0 }
}

/// The type of an order; values this client does not know are kept, not rejected.
public enum OrderType: Sendable, Hashable, CustomStringConvertible {
    case create, update, terminate, restore
    case unknown(String)

    public static let known: [OrderType] = [.create, .update, .terminate, .restore]

    public init(wire: String) {
        switch wire {
        case "Create": self = .create
        case "Update": self = .update
        case "Terminate": self = .terminate
        case "Restore": self = .restore
        default: self = .unknown(wire)
        }
    }

    /// The value as the API spells it.
    public var wire: String {
        switch self {
        case .create: return "Create"
        case .update: return "Update"
        case .terminate: return "Terminate"
        case .restore: return "Restore"
        case let .unknown(s): return s
        }
    }

    public var description: String { wire }
}

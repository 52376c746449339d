import WaldurClient

/// One API call of an action on one order.
public enum ActionEndpoint: String, Sendable, Hashable {
    case approveByConsumer, approveByProvider, rejectByConsumer, rejectByProvider, cancel
    case setStateExecuting, setStateDone, setStateErred, setBackendID, unlink, delete

    /// "as consumer" / "as provider" for approve and reject.
    public var side: String? {
        switch self {
        case .approveByConsumer, .rejectByConsumer: return "consumer"
        case .approveByProvider, .rejectByProvider: return "provider"
        default: return nil
        }
    }

    /// The call removes the order (nothing to re-fetch).
    public var removesOrder: Bool { self == .unlink || self == .delete }
}

/// A call to run: the endpoint, the order and the typed texts (message, backend id, comment; the traceback of set erred).
public struct ActionCall: Sendable, Hashable {
    public var endpoint: ActionEndpoint
    public var uuid: WaldurUUID
    public var text: String?
    /// The error traceback sent with set erred.
    public var traceback: String?

    public init(_ endpoint: ActionEndpoint, _ uuid: WaldurUUID, text: String? = nil, traceback: String? = nil) {
        self.endpoint = endpoint
        self.uuid = uuid
        self.text = text
        self.traceback = traceback
    }
}

/// The texts an action replaced on the server, read just before it was sent (kept in the audit log).
public struct ReplacedTexts: Sendable, Equatable {
    public var errorMessage: String?
    /// Nil when the server does not show tracebacks to this user.
    public var errorTraceback: String?

    public init(errorMessage: String?, errorTraceback: String?) {
        self.errorMessage = errorMessage
        self.errorTraceback = errorTraceback
    }
}

/// What came of one call: the re-fetched order, its removal, or the error as the server sent it.
public enum ActionOutcome: Sendable, Equatable {
    /// The action succeeded and the order was re-fetched (the state shown is the server's).
    case updated(Order)
    /// The order is gone (unlink, delete, or 404 on re-fetch).
    case removed
    /// The action was refused or failed.
    case failed(WaldurError)
    /// The action succeeded but re-fetching the order failed; the list keeps the old state until the next refresh.
    case unconfirmed(WaldurError)
    /// The connection failed after the request may have reached the server (lost, timed out): whether the
    /// action happened is unknown; then the order as re-fetched afterwards, or why that failed too.
    case unknown(WaldurError, refetched: Result<Order, WaldurError>)
}

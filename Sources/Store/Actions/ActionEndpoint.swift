import WaldurClient

/// One API call of an action on one order; its wire name, side and body are rows of `ActionTable`.
public enum ActionEndpoint: String, Sendable, Hashable, CaseIterable {
    case approveByConsumer, approveByProvider, rejectByConsumer, rejectByProvider, cancel
    case setStateExecuting, setStateDone, setStateErred, setBackendID, unlink, delete

    /// The API call.
    public var operation: OrderOperation { ActionTable.row(self).operation }

    /// "consumer" / "provider" for approve and reject.
    public var side: String? { ActionTable.row(self).side }

    /// The call removes the order (nothing to re-fetch).
    public var removesOrder: Bool { ActionTable.row(self).removesOrder }

    /// The endpoint's name in the API, the audit log and messages (`delete` is the DELETE of the order itself).
    public var wirePath: String { operation.wireName }
}

/// A call to run: the endpoint, the order and the typed texts (message, backend id, comment; the traceback of set erred).
public struct ActionCall: Sendable, Hashable {
    public var endpoint: ActionEndpoint
    public var uuid: WaldurUUID
    public var text: String?
    /// The error traceback sent with set erred.
    public var traceback: String?
    /// The adjusted options sent with the provider's approval (`{"attributes": …}`), when given.
    public var attributes: JSONValue?

    public init(_ endpoint: ActionEndpoint, _ uuid: WaldurUUID, text: String? = nil, traceback: String? = nil, attributes: JSONValue? = nil) {
        self.endpoint = endpoint
        self.uuid = uuid
        self.text = text
        self.traceback = traceback
        self.attributes = attributes
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

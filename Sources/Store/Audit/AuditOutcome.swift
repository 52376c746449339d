import WaldurClient

/// How an action ended, as the audit log records it.
public enum AuditOutcome: String, Sendable, Equatable, CaseIterable {
    /// The server accepted the action.
    case succeeded
    /// The server answered with a 4xx status: the action was not applied.
    case refused
    /// The request may or may not have reached the server (connection lost, timeout, unreadable success answer).
    case unknown
    /// The request failed before reaching the server, or the server failed (5xx).
    case failed

    /// The outcome of an action call's answer.
    public init(_ answer: Result<ActionResult, WaldurError>) {
        switch answer {
        case .success: self = .succeeded
        case let .failure(error):
            switch error {
            case let .http(status, _, _): self = (400..<500).contains(status) ? .refused : .failed
            case .undecodable, .cancelled: self = .unknown
            case .transport: self = error.outcomeUnknown ? .unknown : .failed
            case .configuration: self = .failed
            }
        }
    }
}

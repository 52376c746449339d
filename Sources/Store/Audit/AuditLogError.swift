/// Why the audit log could not be written: the step, the path and the system's reason.
public struct AuditLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var reason: String

    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

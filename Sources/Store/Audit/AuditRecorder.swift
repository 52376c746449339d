/// Where the store records every action it runs; a record completes before the action's result is shown.
public protocol AuditRecorder: Sendable {
    /// Stores one entry durably; throws when it could not (the store shows that on the status line).
    func record(_ entry: AuditEntry) async throws
}

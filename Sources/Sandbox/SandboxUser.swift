/// A user of the sandbox that can log in with its token.
public struct SandboxUser: Sendable, Equatable {
    /// `staff`, `consumer`, `provider` or `member`.
    public let role: String
    public let username: String
    public let fullName: String
    public let token: String

    public init(role: String, username: String, fullName: String, token: String) {
        self.role = role
        self.username = username
        self.fullName = fullName
        self.token = token
    }
}

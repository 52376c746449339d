/// What the renderer needs besides the store's state: who and where, and how keys are bound. (Read-only mode is the
/// store's, `state.configuration.readOnly`: one source for the screen and the rules.)
public struct ScreenContext: Sendable {
    public var serverHost: String
    public var user: String?
    public var keyMap: KeyMap
    public var charset: Charset
    /// The list's columns per queue.
    public var queueColumns: QueueColumns
    /// The tabs' names, in order (the help names the queue keys after them).
    public var queueNames: [String]

    public init(serverHost: String, user: String?, keyMap: KeyMap = .defaults, charset: Charset = .unicode,
                queueColumns: QueueColumns = QueueColumns(), queueNames: [String] = []) {
        self.queueColumns = queueColumns
        self.queueNames = queueNames
        self.serverHost = serverHost
        self.user = user
        self.keyMap = keyMap
        self.charset = charset
    }
}

/// What the renderer needs besides the store's state: who and where, and how keys are bound.
public struct ScreenContext: Sendable {
    public var serverHost: String
    public var user: String?
    public var readOnly: Bool
    public var keyMap: KeyMap
    public var charset: Charset
    /// The list's columns per queue.
    public var queueColumns: QueueColumns

    public init(serverHost: String, user: String?, readOnly: Bool, keyMap: KeyMap = .defaults, charset: Charset = .unicode,
                queueColumns: QueueColumns = QueueColumns()) {
        self.queueColumns = queueColumns
        self.serverHost = serverHost
        self.user = user
        self.readOnly = readOnly
        self.keyMap = keyMap
        self.charset = charset
    }
}

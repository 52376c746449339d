/// How the lead's executable configures the terminal UI.
public struct TerminalOptions: Sendable {
    /// `--theme NAME|PATH` or the config file's theme; nil uses "default".
    public var theme: String?
    /// The theme was given with `--theme` (a flag wins over NO_COLOR; the config file's theme does not).
    public var themeFromFlag = false
    /// The config file's `[keys]` table: action name → key, "k1, k2", or "none".
    public var keyBindings: [String: String]
    /// Mouse capture at start (the `toggle-mouse` key switches it).
    public var mouse: Bool
    /// Shown in the header.
    public var serverHost: String
    public var user: String?
    /// The environment (NO_COLOR, HOME, XDG_CONFIG_HOME, TERM).
    public var environment: [String: String]
    /// Where themes are looked up; nil uses `ThemeLoader.standard(environment:)`.
    public var themeLoader: ThemeLoader?
    /// Seconds between the store's clock ticks (live refresh and ages).
    public var tickInterval: Double
    /// Draw ASCII only (borders, glyphs, transliterated text) even when the locale is UTF-8.
    public var asciiOnly: Bool
    /// The config file's `columns` lists: queue name → column names (see `ColumnKind`).
    public var queueColumns: [String: [String]] = [:]

    public init(theme: String? = nil, themeFromFlag: Bool = false, keyBindings: [String: String] = [:], mouse: Bool = true, serverHost: String,
                user: String? = nil, environment: [String: String], themeLoader: ThemeLoader? = nil,
                tickInterval: Double = 1, asciiOnly: Bool = false, queueColumns: [String: [String]] = [:]) {
        self.queueColumns = queueColumns
        self.theme = theme
        self.themeFromFlag = themeFromFlag
        self.keyBindings = keyBindings
        self.mouse = mouse
        self.serverHost = serverHost
        self.user = user
        self.environment = environment
        self.themeLoader = themeLoader
        self.tickInterval = tickInterval
        self.asciiOnly = asciiOnly
    }
}

/// How to start a sandbox.
public struct SandboxOptions: Sendable {
    /// The address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// The port to bind; 0 picks a free one (read it from `RunningSandbox.url`).
    public var port = 0
    /// How many seeded orders (at least the fixed showcase set is always present).
    public var orderCount = 300
    /// The seed of all generated data and tokens.
    public var seed: UInt64 = 1
    /// When true, new orders arrive and executing ones finish or err every few seconds.
    public var activity = false
    /// Seconds between activity ticks.
    public var activityInterval: Double = 3
    /// Faults to inject from the start (grammar in `SandboxFaults`); nil for none.
    public var faults: String? = nil
    /// Seeds extra orders full of terminal escapes, controls, bidi overrides, odd JSON and unknown enum values.
    public var hostile = false
    /// Largest request body accepted; bigger ones get 413.
    public var maxBodyBytes = 1 << 20

    public init() {}
}

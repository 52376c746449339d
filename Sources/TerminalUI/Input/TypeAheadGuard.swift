/// Keys the user typed on after a text prompt closed are the rest of what they were typing, not commands.
///
/// Someone typing a sentence into the filter prompt who presses Enter (or Esc) in the middle goes on typing: the
/// prompt is closed, and without this guard the rest of the sentence would reach the list as commands (a space marks,
/// `r` opens reject, `y` confirms). So when a text mode (the filter prompt, a dialog's text field) closes into a mode
/// that is not a text mode of the same dialog, the guard is armed: every key that arrives before typing pauses for
/// `pause` is discarded, and the status line says how many. The first key after a pause is the user's again.
/// (A dialog that opens with a button focused, or closes, also discards the rest of the same read: see
/// `TerminalController.handleRead`.)
public struct TypeAheadGuard: Sendable, Equatable {
    /// The quiet time that ends a burst of typing: a key read sooner than this after the previous one belongs to it.
    public static let pause: Duration = .milliseconds(400)

    /// When the last key of the guarded burst was read; nil when the guard is not armed.
    public private(set) var lastKey: ContinuousClock.Instant?
    /// Keys discarded since the guard was armed.
    public private(set) var dropped = 0

    public init() {}

    /// Whether keys are being discarded.
    public var isArmed: Bool { lastKey != nil }

    /// Arms the guard: the text mode closed with a key read at `now`.
    public mutating func arm(at now: ContinuousClock.Instant) {
        lastKey = now
        dropped = 0
    }

    /// Whether the keys of a read at `now` belong to the guarded burst (and are discarded). A read after a pause
    /// disarms the guard and is taken.
    public mutating func takesRead(at now: ContinuousClock.Instant) -> Bool {
        guard let last = lastKey else { return false }
        if now - last >= TypeAheadGuard.pause {
            lastKey = nil
            dropped = 0
            return false
        }
        lastKey = now
        return true
    }

    /// Counts `count` keys discarded.
    public mutating func discard(_ count: Int) { dropped += count }
}

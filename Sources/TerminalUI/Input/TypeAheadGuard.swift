import Foundation

/// Keeps keys typed ahead into a dialog from reaching whatever comes after it.
///
/// When a dialog opens or closes, the keys still waiting in the same read (typed before the user could see the
/// change) and the keys that arrive within `window` seconds after it are discarded and counted. A person cannot
/// react to a dialog faster than that; a key typed by reflex, or the rest of a sentence meant for a text field,
/// must not confirm the next dialog or act on the list.
public struct TypeAheadGuard: Sendable, Equatable {
    /// Seconds after a dialog opens or closes during which keys are not taken.
    public var window: TimeInterval
    /// Until when keys are discarded.
    public private(set) var quietUntil: Date?
    /// Keys discarded since the last report.
    public private(set) var discarded = 0

    public init(window: TimeInterval = 0.05) {
        self.window = window
    }

    /// A dialog opened or closed at `now`: the rest of the current read and the next `window` seconds are discarded.
    public mutating func dialogChanged(at now: Date) {
        quietUntil = now.addingTimeInterval(window)
    }

    /// Whether a key read at `now` is to be discarded (and counts it when so). `restOfRead` is true for keys that
    /// came in the same read as the key that opened or closed the dialog.
    public mutating func shouldDiscard(at now: Date, restOfRead: Bool) -> Bool {
        guard let until = quietUntil else { return false }
        if restOfRead || now < until {
            discarded += 1
            return true
        }
        quietUntil = nil
        return false
    }

    /// The count to report once, then zero.
    public mutating func takeDiscarded() -> Int {
        defer { discarded = 0 }
        return discarded
    }
}

import Foundation

/// Earlier filters, oldest first, and where Up/Down in the filter line is among them (as in a shell).
public struct FilterHistory: Sendable, Equatable {
    /// The most filters kept.
    public static let capacity = 50

    /// Oldest first, without repeats.
    public private(set) var entries: [String]
    /// The entry shown while browsing; nil when the typed text is shown.
    public private(set) var position: Int?
    /// What was typed before browsing started (Down past the newest entry returns to it).
    public private(set) var draft = ""

    public init(entries: [String] = []) {
        self.entries = Array(entries.filter { !$0.isEmpty }.suffix(FilterHistory.capacity))
    }

    /// Adds `text` as the newest entry (an earlier copy moves up); stops browsing.
    public mutating func add(_ text: String) {
        position = nil
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > FilterHistory.capacity { entries.removeFirst(entries.count - FilterHistory.capacity) }
    }

    /// Stops browsing (the next Up starts from the newest entry).
    public mutating func reset() {
        position = nil
        draft = ""
    }

    /// One step back (`-1`, Up) or forward (`+1`, Down) from `current`; the text to show, or nil when there is nowhere to go.
    public mutating func step(_ direction: Int, current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        if direction < 0 {
            guard let p = position else {
                draft = current
                position = entries.count - 1
                return entries[entries.count - 1]
            }
            guard p > 0 else { return nil }
            position = p - 1
            return entries[p - 1]
        }
        guard let p = position else { return nil }
        if p + 1 < entries.count {
            position = p + 1
            return entries[p + 1]
        }
        position = nil
        return draft
    }
}

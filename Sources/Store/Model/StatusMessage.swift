import Foundation

/// A line for the status bar and the message log.
///
/// Lifetimes: information clears after `infoLifetime` or at the next user action; a warning after
/// `warningLifetime` (a general one, such as "cannot approve: …", also at the next user action); an action's error
/// after `actionErrorLifetime`; any other error stays until the condition it reports no longer holds (its `topic` is cleared by a
/// later success: a load error by the next load that works) or until Esc. The log keeps every message in full.
public struct StatusMessage: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }

    /// What a message is about; a later success clears the live messages of its topic.
    public enum Topic: Sendable, Equatable {
        /// Loading or refreshing the list (cleared by the next load or poll that succeeds).
        case load
        /// The "Needs me" queries (cleared by the next one that succeeds).
        case needsMe
        /// An action run and its per-order results (cleared when the next action starts).
        case action
        /// The audit log (stays until Esc: an unrecorded action is worth reading).
        case audit
        /// Anything else.
        case general
    }

    /// Seconds an information line stays on the status line.
    public static let infoLifetime: TimeInterval = 5
    /// Seconds a warning stays on the status line.
    public static let warningLifetime: TimeInterval = 30
    /// Seconds an action's error stays (its per-order lines stay in the log).
    public static let actionErrorLifetime: TimeInterval = 60

    public var level: Level
    /// Display-safe text (server messages are shown as the server sent them, control characters replaced).
    public var text: String
    public var at: Date
    public var topic: Topic
    /// When it leaves the status line by itself (nil: when its topic clears, or Esc).
    public var expiresAt: Date?
    /// Still on the status line (the log keeps it either way).
    public var isLive = true

    public init(_ level: Level, _ text: String, at: Date, topic: Topic = .general) {
        self.level = level
        self.text = TextFolding.displayLine(text)
        self.at = at
        self.topic = topic
        switch level {
        case .info: expiresAt = at.addingTimeInterval(StatusMessage.infoLifetime)
        case .warning: expiresAt = topic == .load || topic == .needsMe ? nil : at.addingTimeInterval(StatusMessage.warningLifetime)
        case .error: expiresAt = topic == .action ? at.addingTimeInterval(StatusMessage.actionErrorLifetime) : nil
        }
    }
}

import Foundation

/// A line for the status bar.
public struct StatusMessage: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }
    public var level: Level
    /// Display-safe text (server messages are shown as the server sent them, control characters replaced).
    public var text: String
    public var at: Date

    public init(_ level: Level, _ text: String, at: Date) {
        self.level = level
        self.text = TextFolding.displayLine(text)
        self.at = at
    }
}

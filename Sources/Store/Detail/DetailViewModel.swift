import WaldurClient

/// The detail pane of the selected order as plain, display-safe data: sections of lines with semantic roles.
/// A UI draws it as is (one `Line` per screen line, styled by `role`) with no rules of its own.
public struct DetailViewModel: Sendable, Equatable {
    /// The semantic role of a section or line, for styling.
    public enum Role: String, Sendable, Equatable {
        case identification, money, planChange, history, error, traceback, attributes, limits
        case comment, attachment, schedule, callback, output, notice
    }

    /// One line: an optional key (drawn as a label) and its text.
    public struct Line: Sendable, Equatable {
        public var role: Role
        public var key: String?
        public var text: String

        /// The most UTF-8 bytes a key or text keeps; longer values are cut with a note (the pane wraps every line
        /// on every frame, and a megabyte-long server string must not stall it).
        public static let maxBytes = 4096

        public init(_ role: Role, key: String? = nil, _ text: String) {
            self.role = role
            self.key = key.map { TextFolding.displayLine(TextFolding.clipped($0, maxBytes: Line.maxBytes)) }
            self.text = TextFolding.displayLine(TextFolding.clipped(text, maxBytes: Line.maxBytes))
        }
    }

    /// A titled group of lines.
    public struct Section: Sendable, Equatable {
        public var title: String
        public var role: Role
        public var lines: [Line]
    }

    public var uuid: WaldurUUID
    /// "Update · Basic VM · executing".
    public var title: String
    public var sections: [Section]
    /// The full order is still being fetched (what is shown comes from the trimmed list row).
    public var isLoading: Bool
    /// The fetch of the full order failed (as the server said).
    public var loadError: String?

    /// The section with `role`, if present.
    public func section(_ role: Role) -> Section? { sections.first { $0.role == role } }

    /// Every line, sections separated by their titles (for simple renderers and tests).
    public var allLines: [Line] { sections.flatMap { [Line(.notice, "— \($0.title) —")] + $0.lines } }
}

/// Why a filter line does not parse; `message` is for the status line.
public struct FilterParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence for the status line.
    public var message: String
    /// The character offset of the offending term.
    public var position: Int

    public init(_ message: String, at position: Int) {
        self.message = message
        self.position = position
    }

    public var description: String { message }
}

/// One terminal cell of a frame.
public struct Cell: Equatable, Sendable {
    /// The text drawn: a spacing character plus zero-width ones; empty for the right half of a wide character.
    public var text: String
    /// 1 or 2 for a character's first cell, 0 for the right half of a wide one.
    public var width: UInt8
    /// How the cell is coloured.
    public var role: ThemeRole
    /// A row-wide role laid over `role` (selection, marked, changed), if any.
    public var overlay: ThemeRole?

    public init(text: String, width: UInt8 = 1, role: ThemeRole = .normal, overlay: ThemeRole? = nil) {
        self.text = text
        self.width = width
        self.role = role
        self.overlay = overlay
    }

    /// A space in `role`.
    public static func blank(_ role: ThemeRole = .normal) -> Cell { Cell(text: " ", width: 1, role: role) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

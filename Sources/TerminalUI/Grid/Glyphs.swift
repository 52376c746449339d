/// The symbols the views draw, in a Unicode and an ASCII set.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String
    public var teeUp: String
    public var teeRight: String
    public var teeLeft: String
    public var mark: String
    public var unmarked: String
    public var sortAscending: String
    public var sortDescending: String
    public var changed: String
    public var inFlight: String
    public var arrow: String
    public var lock: String
    public var paused: String
    public var selector: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", mark: "●", unmarked: " ",
        sortAscending: "▲", sortDescending: "▼", changed: "•", inFlight: "⟳", arrow: "→", lock: "RO",
        paused: "‖", selector: "▶"
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", mark: "*", unmarked: " ",
        sortAscending: "^", sortDescending: "v", changed: "+", inFlight: "~", arrow: "->", lock: "RO",
        paused: "||", selector: ">"
    )

    /// The set for a charset.
    public static func `for`(_ charset: Charset) -> Glyphs { charset == .unicode ? .unicode : .ascii }
}

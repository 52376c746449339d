/// How many colours the terminal shows, as far as themes care.
public enum ColorDepth: Sendable, Equatable {
    /// No colours: attributes only.
    case none
    /// 8 or 16 colours: the themes' 8-colour equivalents.
    case basic(Int)
    /// 256 colours or more.
    case full

    /// The depth for a terminal reporting `colors` colours (ncurses' COLORS; 0 when it has none).
    public init(colors: Int) {
        if colors >= 256 { self = .full } else if colors >= 8 { self = .basic(min(colors, 16)) } else { self = .none }
    }

    /// The number of palette entries usable.
    public var colorCount: Int {
        switch self {
        case .none: return 0
        case let .basic(n): return n
        case .full: return 256
        }
    }
}

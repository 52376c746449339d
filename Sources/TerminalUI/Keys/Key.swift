import Foundation

/// A key press, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete, insert
    case function(Int)

    /// Parses a key as written in the `[keys]` table: a single character (`j`, `J`, `/`, `?`),
    /// a name (`up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `enter`, `tab`,
    /// `shift-tab`, `esc`, `space`, `backspace`, `delete`, `insert`, `f1`…`f12`) or a control key
    /// (`ctrl-x`, `c-x`, `^x`).
    public init?(spec raw: String) {
        let spec = raw.trimmingCharacters(in: .whitespaces)
        if spec.count == 1, let c = spec.first {
            if c == " " { self = .character(" "); return }
            guard c.unicodeScalars.allSatisfy({ DisplayWidth.of($0) > 0 }) else { return nil }
            self = .character(c)
            return
        }
        let lower = spec.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            self = .control(c)
            return
        }
        switch lower {
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup", "page-up", "prior": self = .pageUp
        case "pgdn", "pagedown", "page-down", "next": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "enter", "return", "ret": self = .enter
        case "tab": self = .tab
        case "shift-tab", "backtab", "btab", "s-tab": self = .backTab
        case "esc", "escape": self = .escape
        case "space", "spc": self = .character(" ")
        case "backspace", "bs": self = .backspace
        case "delete", "del": self = .delete
        case "insert", "ins": self = .insert
        default:
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
                self = .function(n)
                return
            }
            return nil
        }
    }

    /// How the key is written in the key map and the `?` overlay.
    public var description: String {
        switch self {
        case let .character(c): return c == " " ? "space" : String(c)
        case let .control(c): return "ctrl-\(c)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case let .function(n): return "f\(n)"
        }
    }
}

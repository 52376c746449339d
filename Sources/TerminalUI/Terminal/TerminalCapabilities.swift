import CNcursesw

/// What the terminal must be able to do for the screen, checked before anything else starts.
public enum TerminalCapabilities {
    /// Why the screen cannot run on the terminal `TERM` names (nil when it can): a dumb terminal, one without
    /// cursor addressing, or one the terminfo database does not know.
    @MainActor
    public static func refusal(environment: [String: String]) -> String? {
        let term = environment["TERM"] ?? ""
        let advice = "for this terminal use `waldur-orders list` (scriptable output), or set TERM to your terminal's type (e.g. xterm-256color)"
        if term.isEmpty || term == "dumb" {
            return "the terminal type \(term.isEmpty ? "(TERM unset)" : "\"dumb\"") cannot show the order-review screen: it has no cursor addressing; \(advice)"
        }
        switch cn_term_can_address() {
        case 1: return nil
        case 0: return "the terminal type \"\(term)\" has no cursor addressing, which the order-review screen needs; \(advice)"
        default: return "the terminal type \"\(term)\" is not in the terminfo database; \(advice)"
        }
    }
}

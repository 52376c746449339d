/// The theme the app uses on a given terminal, and what to tell the user about how it was chosen.
public struct ThemeChoice: Sendable {
    public var theme: Theme
    public var depth: ColorDepth
    /// Messages for the status line (a theme that failed to load, NO_COLOR in effect).
    public var messages: [String]

    public init(theme: Theme, depth: ColorDepth, messages: [String]) {
        self.theme = theme
        self.depth = depth
        self.messages = messages
    }

    /// Picks the theme: `mono` when NO_COLOR is set (non-empty) or the terminal has fewer than 8
    /// colours; else `requested` (default "default"), falling back to the default theme with a
    /// message naming the file, line and reason when it does not load. `explicit` (the theme came from
    /// `--theme`): flags win over the environment, so NO_COLOR does not replace it.
    public static func choose(requested: String?, explicit: Bool = false, loader: ThemeLoader, environment: [String: String],
                              colors: Int) -> ThemeChoice {
        var messages: [String] = []
        let noColor = !(explicit && requested != nil) && ((environment["NO_COLOR"].map { !$0.isEmpty }) ?? false)
        if noColor || colors < 8 {
            let mono: Theme
            switch loader.load("mono") {
            case let .success(t): mono = t
            case let .failure(e): mono = Theme.mono; messages.append("theme \(e)")
            }
            if let requested, requested != "mono" {
                messages.append(noColor ? "NO_COLOR is set: theme \(requested) not used" : "no colours on this terminal: theme \(requested) not used")
            }
            return ThemeChoice(theme: mono, depth: .none, messages: messages)
        }
        let depth = ColorDepth(colors: colors)
        let name = requested ?? "default"
        switch loader.load(name) {
        case let .success(theme):
            for w in theme.warnings { messages.append("theme \(w)") }
            return ThemeChoice(theme: theme, depth: depth, messages: messages)
        case let .failure(error):
            messages.append("theme \(error); using the default theme")
            if name != "default", case let .success(fallback) = loader.load("default") {
                return ThemeChoice(theme: fallback, depth: depth, messages: messages)
            }
            return ThemeChoice(theme: Theme.fallbackDefault, depth: depth, messages: messages)
        }
    }
}

import CNcursesw

/// Terminals without an alternate screen (no `smcup`: vt100, the Linux console, …) keep whatever the app drew
/// after it ends, and the shell prompt lands on top of the last frame. Before leaving, the app clears its drawing
/// there and puts the cursor on the last line, so the terminal is left clean.
extension ScreenDriver {
    /// Whether the running terminal's description has an alternate screen (`smcup`).
    public var hasAlternateScreen: Bool {
        guard isRunning, let smcup = tigetstr("smcup") else { return false }
        // (char *)-1: not a string capability; an empty string is as good as none.
        return Int(bitPattern: smcup) != -1 && smcup.pointee != 0
    }

    /// On a terminal without an alternate screen: erases the screen and leaves the cursor at the start of the last
    /// line (called just before `endwin`). Does nothing where the terminal restores its own screen.
    func clearWhenNoAlternateScreen() {
        guard isRunning, !hasAlternateScreen else { return }
        let (_, height) = size
        _ = werase(cn_stdscr())
        _ = wmove(cn_stdscr(), Int32(max(0, height - 1)), 0)
        _ = wnoutrefresh(cn_stdscr())
        _ = doupdate()
    }
}

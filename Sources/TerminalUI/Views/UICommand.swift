import OrderStore

/// What handling an input asks the run loop to do.
public enum UICommand: Equatable, Sendable {
    /// Send an action to the store.
    case send(AppAction)
    /// Put text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Turn mouse capture on or off.
    case setMouse(Bool)
    case quit
    /// Show the text in `$PAGER` (the screen is suspended meanwhile).
    case openInPager(String)
    /// Keep the filter history (oldest first) across restarts.
    case saveFilterHistory([String])
}

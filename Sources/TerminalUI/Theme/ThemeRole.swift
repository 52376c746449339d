/// What a piece of the screen is, for the theme to colour. The raw value is the key in theme files.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case muted
    case header
    case headerBadge = "header-badge"
    case tab
    case tabActive = "tab-active"
    case border
    case columnHeader = "column-header"
    case selection
    case selectionInactive = "selection-inactive"
    case marked
    case changed
    case inFlight = "in-flight"
    case statePendingConsumer = "state-pending-consumer"
    case statePendingProvider = "state-pending-provider"
    case statePendingProject = "state-pending-project"
    case statePendingStartDate = "state-pending-start-date"
    case stateExecuting = "state-executing"
    case stateDone = "state-done"
    case stateErred = "state-erred"
    case stateCanceled = "state-canceled"
    case stateRejected = "state-rejected"
    case stateUnknown = "state-unknown"
    case error
    case warning
    case status
    case hint
    case hintKey = "hint-key"
    case filter
    case stale
    case loading
    case detailTitle = "detail-title"
    case detailLabel = "detail-label"
    case planChange = "plan-change"
    case history
    case dialog
    case dialogTitle = "dialog-title"
    case button
    case buttonFocused = "button-focused"
    case input
    case placeholder
    case tooSmall = "too-small"

    /// The roles that are laid over another role for a whole row (their unset fields let the row's own show).
    public var isOverlay: Bool {
        switch self {
        case .selection, .selectionInactive, .marked, .changed: return true
        default: return false
        }
    }
}

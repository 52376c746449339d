import Foundation
import WaldurClient

/// Everything that can happen: user intents, time, and results of effects.
public enum AppAction: Sendable, Equatable {
    // Lifecycle and time
    /// First action: reads the remembered sort, then loads.
    case start(now: Date)
    /// Result of `.loadPersistedSort` (nil: nothing remembered or unreadable).
    case persistedSortLoaded(OrderSort?)
    /// Writing the sort to the state file failed (the reason).
    case sortNotRemembered(String)
    /// The clock: drives live refresh, staleness ages and time-relative filters.
    case tick(now: Date)
    /// Reload everything now (uses the current filter's server parameters).
    case reload

    // Load results
    case pageLoaded(id: Int, orders: [Order], totalCount: Int?)
    case loadFinished(id: Int)
    case loadFailed(id: Int, error: WaldurError)
    /// Result of `.loadSnapshot` (nil: none, unusable, or turned off).
    case snapshotLoaded(OrderSnapshot?)

    // List
    /// Select a tab by index (the typed filter is kept).
    case selectQueue(Int)
    /// The filter line's new text (each keystroke).
    case setFilterText(String)
    /// Sort by a column; `ascending` nil toggles when it is already the column, else uses the column's natural order.
    case sort(by: SortKey, ascending: Bool?)
    /// Move the selection by rows (negative: up); clamps.
    case moveSelection(Int)
    /// Select the visible row at an index; clamps.
    case selectRow(Int)
    /// Select an order by uuid (if visible).
    case selectOrder(WaldurUUID)
    /// Mark or unmark the selected order.
    case toggleMark
    /// Mark every visible order.
    case markAllVisible
    case clearMarks

    // Detail
    case orderRetrieved(Order)
    case orderRetrieveFailed(WaldurUUID, WaldurError)

    // Actions
    /// Open the confirmation for an action on the marked orders (or the selected one when none is marked).
    case requestAction(OrderAction)
    /// The confirmation's first text field.
    case setActionInput(String)
    /// One of the confirmation's text fields (0: the first).
    case setActionField(Int, String)
    /// Confirm the open confirmation; a second submit of the same action is impossible (the pending marker).
    case confirmAction
    /// Close the confirmation without running anything.
    case cancelAction
    /// One call of a batch finished; `httpStatus` is the action request's answer, when there was one.
    case actionCompleted(batch: Int, call: ActionCall, outcome: ActionOutcome, httpStatus: Int? = nil)
    /// Recording an action in the audit log failed (the reason); shown on the status line.
    case auditFailed(String)

    // Refresh and messages
    case setRefreshPaused(Bool)
    case toggleRefreshPaused
    /// Forget the new/changed highlights.
    case clearHighlights
    /// Drop the status line message.
    case dismissMessage
}

extension AppAction {
    /// The user did something (a key, a click), as opposed to time passing or an effect's result.
    public var isUserIntent: Bool {
        switch self {
        case .reload, .selectQueue, .setFilterText, .sort, .moveSelection, .selectRow, .selectOrder, .toggleMark,
             .markAllVisible, .clearMarks, .requestAction, .confirmAction, .cancelAction, .setRefreshPaused,
             .toggleRefreshPaused, .dismissMessage:
            return true
        case .start, .persistedSortLoaded, .sortNotRemembered, .tick, .pageLoaded, .loadFinished, .loadFailed, .snapshotLoaded, .orderRetrieved,
             .orderRetrieveFailed, .setActionInput, .setActionField, .actionCompleted, .auditFailed, .clearHighlights:
            return false
        }
    }
}

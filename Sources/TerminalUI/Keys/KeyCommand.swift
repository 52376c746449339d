import OrderStore

/// Everything a key can be bound to. The raw value is the action name used in the `[keys]` table.
public enum KeyCommand: String, CaseIterable, Sendable, Hashable {
    case moveDown = "down"
    case moveUp = "up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top
    case bottom
    case focusDetail = "focus-detail"
    case openDetail = "open-detail"
    case filter
    case queue1 = "queue-1", queue2 = "queue-2", queue3 = "queue-3", queue4 = "queue-4", queue5 = "queue-5"
    case queue6 = "queue-6", queue7 = "queue-7", queue8 = "queue-8", queue9 = "queue-9"
    case sortColumn = "sort-column"
    case sortDirection = "sort-direction"
    case mark
    case markAll = "mark-all"
    case clearMarks = "clear-marks"
    case approve
    case reject
    case cancel
    case setExecuting = "set-executing"
    case setDone = "set-done"
    case setErred = "set-erred"
    case setBackendID = "set-backend-id"
    case unlink
    case delete
    case offering
    case copyUUID = "copy-uuid"
    case pauseRefresh = "pause-refresh"
    case refresh
    case quit
    case help
    case toggleMouse = "toggle-mouse"
    case messages
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case pager
    case copyDetail = "copy-detail"

    /// The queue number (1–9) for the queue commands.
    public var queueNumber: Int? {
        switch self {
        case .queue1: return 1
        case .queue2: return 2
        case .queue3: return 3
        case .queue4: return 4
        case .queue5: return 5
        case .queue6: return 6
        case .queue7: return 7
        case .queue8: return 8
        case .queue9: return 9
        default: return nil
        }
    }

    /// The store action a key of this command asks for (the one place keys meet `OrderAction`).
    public var orderAction: OrderAction? {
        switch self {
        case .approve: return .approve
        case .reject: return .reject
        case .cancel: return .cancel
        case .setExecuting: return .setStateExecuting
        case .setDone: return .setStateDone
        case .setErred: return .setStateErred
        case .setBackendID: return .setBackendID
        case .unlink: return .unlink
        case .delete: return .delete
        default: return nil
        }
    }

    /// Whether the command asks the server to change an order (blocked in read-only mode).
    public var isWrite: Bool { orderAction != nil }

    /// A short description for the `?` overlay.
    public var summary: String {
        switch self {
        case .moveDown: return "next order"
        case .moveUp: return "previous order"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .top: return "first order"
        case .bottom: return "last order"
        case .focusDetail: return "switch focus list/detail"
        case .openDetail: return "detail full screen"
        case .filter: return "live filter (Esc restores, Enter keeps)"
        case .queue1, .queue2, .queue3, .queue4, .queue5, .queue6, .queue7, .queue8, .queue9:
            return "queue \(queueNumber ?? 0)"
        case .sortColumn: return "sort by next column"
        case .sortDirection: return "reverse sort"
        case .mark: return "mark/unmark order"
        case .markAll: return "mark all visible"
        case .clearMarks: return "clear marks"
        case .approve: return "approve (consumer or provider)"
        case .reject: return "reject"
        case .cancel: return "cancel"
        case .setExecuting: return "set executing"
        case .setDone: return "set done"
        case .setErred: return "set erred (asks message)"
        case .setBackendID: return "set backend id"
        case .unlink: return "unlink (staff)"
        case .delete: return "delete"
        case .offering: return "offering view"
        case .copyUUID: return "copy uuid (OSC 52)"
        case .pauseRefresh: return "pause/resume live refresh"
        case .refresh: return "refresh now"
        case .quit: return "quit"
        case .help: return "this key map"
        case .toggleMouse: return "mouse capture on/off"
        case .messages: return "message log (last 200, in full, with per-order results)"
        case .halfPageDown: return "half a page down (list or detail)"
        case .halfPageUp: return "half a page up (list or detail)"
        case .pager: return "the whole detail (error, traceback, comments) in $PAGER"
        case .copyDetail: return "copy the whole detail (OSC 52)"
        }
    }
}

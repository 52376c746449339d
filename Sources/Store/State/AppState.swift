import Foundation
import WaldurClient

/// Everything the screen shows, as a value. Change it only through `reduce(_:_:)`.
public struct AppState: Sendable, Equatable {
    public internal(set) var configuration: StoreConfiguration
    /// The clock as last told by `.start`/`.tick` (the reducer never reads the system clock).
    public internal(set) var now: Date

    // MARK: Queues and filter

    /// The tabs: the built-in ones, then the user queues.
    public internal(set) var queues: [Queue]
    public internal(set) var selectedQueueIndex: Int = 0
    /// User queues from the configuration whose filter did not parse, with the error (they match nothing).
    public internal(set) var queueErrors: [String: FilterParseError] = [:]
    /// The filter line as typed.
    public internal(set) var filterText: String = ""
    /// The last filter that parsed (applied to the list).
    public internal(set) var appliedFilter: FilterExpression = .empty
    /// Why the typed text does not parse (the list keeps `appliedFilter`).
    public internal(set) var filterError: FilterParseError?
    /// The server query of the last full load (its filter part narrows what is loaded).
    public internal(set) var loadedServerQuery: OrderListQuery?
    /// The parts the last full load was asked in (one per group of states with the same fields); empty: one query.
    public internal(set) var loadedParts: [OrderListQuery] = []

    // MARK: List

    public internal(set) var sort: OrderSort = .default
    /// The loaded orders and everything derived from them for the list (sorted, filtered, queued, visible).
    var orders: OrderIndex

    /// The order the cursor is on (it follows the order across refreshes, filtering and sorting).
    public internal(set) var selectedUUID: WaldurUUID?
    /// Until the user moves it and the first loads are in, the selection stays on the first row (see AppState+Highlights).
    var selectionFollowsTop = true
    /// Its position in the visible list.
    public internal(set) var selectedIndex: Int?
    /// Orders marked for bulk actions (kept across refreshes while they exist). An action that succeeds for an
    /// order unmarks it; one that fails leaves it marked, with the reason in `markReasons`.
    public internal(set) var marked: Set<WaldurUUID> = []
    /// Why a marked order's last action failed.
    public internal(set) var markReasons: [WaldurUUID: String] = [:]

    // MARK: Detail

    /// Full orders fetched for the detail view.
    public internal(set) var detailCache: [WaldurUUID: Order] = [:]
    /// Full orders being fetched.
    public internal(set) var detailLoading: Set<WaldurUUID> = []
    /// Why fetching a full order failed.
    public internal(set) var detailErrors: [WaldurUUID: String] = [:]

    // MARK: Actions

    /// The open confirmation, if any.
    public internal(set) var confirmation: ActionConfirmation?
    /// Orders with an action sent and not yet answered (a second submit is refused).
    public internal(set) var pendingActions: [WaldurUUID: OrderAction] = [:]
    /// Per-order results of the last action run.
    public internal(set) var lastResults: [ActionResultLine] = []
    var lastBatch = 0
    var batchAction: [Int: OrderAction] = [:]
    /// Texts typed into a dialog that was cancelled, per action: the next dialog of that action starts with them.
    public internal(set) var actionDrafts: [OrderAction: [String]] = [:]

    // MARK: Loading and refresh

    /// Progress of the running full load ("loading 3,400 of 10,000"); nil when idle.
    public internal(set) var loadProgress: LoadProgress?
    /// The first full load finished.
    public internal(set) var hasLoaded = false
    public internal(set) var refresh = RefreshStatus()
    var loads: [Int: RunningLoad] = [:]
    /// "Needs me" flags of orders a uuid-only "Needs me" query listed before any load brought the order itself: they
    /// are set when it arrives (see AppState+NeedsMe).
    var needsMeAwaiting: [RowKey: UInt8] = [:]
    var lastLoadID = 0
    var started = false
    /// When time-relative filters were last evaluated.
    var timeFilterAt = Date(timeIntervalSince1970: 0)

    // MARK: Snapshot (issue 14)

    /// When the local snapshot whose rows are shown was up to date; nil once the list is brought up to date with the
    /// server (or when no snapshot was used).
    public internal(set) var cachedSince: Date?
    /// The loads that bring a snapshot up to date, while they run.
    var warmStart: WarmStart?

    /// Every message, oldest first (the last `messageLogLimit`): the message log. The status line shows the newest
    /// live one (`statusLine`).
    public internal(set) var messages: [StatusMessage] = []
    /// How many messages the log keeps.
    public static let messageLogLimit = 200

    public init(configuration: StoreConfiguration = StoreConfiguration(), now: Date = Date(timeIntervalSince1970: 0)) {
        self.configuration = configuration
        self.now = now
        var queues = Queue.builtIn
        var errors: [String: FilterParseError] = [:]
        for (name, text) in configuration.userQueues {
            switch parseFilter(text) {
            case let .success(expression):
                queues.append(Queue(name: name, kind: .custom(expression)))
            case let .failure(error):
                errors[name] = error
                queues.append(Queue(name: name, kind: .custom(FilterExpression(terms: [FilterTerm(.state([]))]))))
            }
        }
        self.queues = queues
        self.queueErrors = errors
        self.orders = OrderIndex(queueCount: queues.count)
        var refresh = RefreshStatus()
        refresh.isPaused = false
        self.refresh = refresh
        for (name, error) in errors {
            messages.append(StatusMessage(.warning, "queue “\(name)”: \(error.message)", at: now))
        }
    }

    /// A load in flight.
    struct RunningLoad: Sendable, Equatable {
        var purpose: LoadPurpose
        var startedAt: Date
        var seen: Set<RowKey> = []
        var loaded = 0
        var total: Int?
        /// A poll's `modified` bound: when it brought orders, the "Needs me" queries ask for those changed since then.
        var needsMeSince: Date?
        /// A "Needs me" query that asks for uuids only: it sets flags, it never adds rows.
        var uuidsOnly = false
    }
}

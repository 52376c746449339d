import Foundation
import WaldurClient

/// What the store needs to know about the user and the app's settings.
public struct StoreConfiguration: Sendable, Equatable {
    /// Mutating actions are unavailable (and refused by the reducer and the store).
    public var readOnly: Bool
    /// The user is staff or support (unlink, tracebacks).
    public var isStaff: Bool
    /// The user's username, when known (the creator may reject their own pending-consumer order).
    public var username: String?
    /// Seconds between live refresh polls; 0 disables live refresh.
    public var refreshInterval: TimeInterval
    /// Seconds between full reconciles (which drop orders that disappeared).
    public var reconcileInterval: TimeInterval
    /// Seconds subtracted from the last poll time when asking for modified orders.
    public var pollOverlap: TimeInterval
    /// Longest wait between polls after failures.
    public var maxBackoff: TimeInterval
    /// How many actions of a bulk run at once.
    public var actionConcurrency: Int
    /// Orders per page of list loads.
    public var pageSize: Int
    /// User queues from the configuration file: a tab name and a filter expression.
    public var userQueues: [(name: String, filter: String)]
    /// The list fields the queues' columns need (`field=` names); nil loads every list field (`ListFields.names`).
    public var columnFields: [String]?
    /// The list fields the columns of the queues that can show an order in each state need (a subset of
    /// `columnFields`); empty: every state loads `columnFields`. A full load asks each group of states with the same
    /// fields separately, so no order is serialised with a column none of its queues shows.
    public var stateColumnFields: [OrderState: [String]]
    /// The directory for the remembered sort and filters (the app passes `StatePaths.stateDirectory`); nil remembers nothing.
    public var stateDirectory: URL?
    /// Seconds between loads of every order (for renamed projects, customers…); the reconciles between are sweeps.
    public var namesReloadInterval: TimeInterval
    /// Start from the local snapshot (`.loadSnapshot` before the first load) and keep it written.
    public var startsFromSnapshot: Bool

    public init(readOnly: Bool = false, isStaff: Bool = false, username: String? = nil, refreshInterval: TimeInterval = 10,
                reconcileInterval: TimeInterval = 300, pollOverlap: TimeInterval = 5, maxBackoff: TimeInterval = 300,
                actionConcurrency: Int = 4, pageSize: Int = 200, userQueues: [(name: String, filter: String)] = [],
                stateDirectory: URL? = nil, startsFromSnapshot: Bool = false, columnFields: [String]? = nil,
                stateColumnFields: [OrderState: [String]] = [:], namesReloadInterval: TimeInterval = 3600) {
        self.readOnly = readOnly
        self.isStaff = isStaff
        self.username = username
        self.refreshInterval = refreshInterval
        self.reconcileInterval = reconcileInterval
        self.pollOverlap = pollOverlap
        self.maxBackoff = maxBackoff
        self.actionConcurrency = actionConcurrency
        self.pageSize = pageSize
        self.userQueues = userQueues
        self.stateDirectory = stateDirectory
        self.startsFromSnapshot = startsFromSnapshot
        self.columnFields = columnFields
        self.stateColumnFields = stateColumnFields
        self.namesReloadInterval = namesReloadInterval
    }

    public static func == (a: StoreConfiguration, b: StoreConfiguration) -> Bool {
        a.readOnly == b.readOnly && a.isStaff == b.isStaff && a.username == b.username && a.refreshInterval == b.refreshInterval
            && a.reconcileInterval == b.reconcileInterval && a.pollOverlap == b.pollOverlap && a.maxBackoff == b.maxBackoff
            && a.actionConcurrency == b.actionConcurrency && a.pageSize == b.pageSize && a.stateDirectory == b.stateDirectory
            && a.startsFromSnapshot == b.startsFromSnapshot && a.columnFields == b.columnFields
            && a.stateColumnFields == b.stateColumnFields && a.namesReloadInterval == b.namesReloadInterval
            && a.userQueues.map(\.name) == b.userQueues.map(\.name) && a.userQueues.map(\.filter) == b.userQueues.map(\.filter)
    }
}

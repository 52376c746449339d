import WaldurClient

/// Why a list load runs; decides how its pages merge.
public enum LoadPurpose: Sendable, Equatable {
    /// Initial load, user reload or periodic reconcile: at the end, orders not seen are dropped.
    case full(reconcile: Bool)
    /// The `can_approve_as_consumer=true` query (full replaces the flags, incremental adds).
    case needsMeConsumer(incremental: Bool)
    /// The `can_approve_as_provider=true` query.
    case needsMeProvider(incremental: Bool)
    /// Orders modified since the last poll, merged.
    case poll
    /// Only the uuids of every order the loaded query lists (`field=uuid`), compared with the rows from a snapshot:
    /// nothing is merged; at the end, rows the server no longer lists are removed.
    case uuidSweep

    /// A full load (first, user reload or reconcile).
    public var isFull: Bool {
        if case .full = self { return true }
        return false
    }
}

/// A list load to run: every page of `query`, reported as `.pageLoaded` then `.loadFinished` or `.loadFailed`.
public struct LoadRequest: Sendable, Equatable {
    public var id: Int
    public var purpose: LoadPurpose
    public var query: OrderListQuery
    /// When not empty, `query` is asked as these parts instead (one per group of states, each with its own fields),
    /// then whatever the parts' counts miss of `query`'s count as `query` itself (see `OrderService.listOrders(_:)`).
    public var parts: [OrderListQuery] = []
}

/// Work the reducer asks the `Store` to do; results come back as `AppAction`s.
public enum Effect: Sendable, Equatable {
    /// Read the remembered sort; answers `.persistedSortLoaded`.
    case loadPersistedSort
    /// Write the sort to the state file (fire and forget).
    case persistSort(OrderSort)
    /// Load every page of a list.
    case load(LoadRequest)
    /// Stop a running load (superseded).
    case cancelLoad(id: Int)
    /// Fetch the full order for the detail view; answers `.orderRetrieved` or `.orderRetrieveFailed`.
    case retrieveOrder(WaldurUUID)
    /// Run calls with at most `concurrency` at once; each answers `.actionCompleted`.
    case runActions(batch: Int, calls: [ActionCall], concurrency: Int)
    /// Read the local snapshot of this server and user; answers `.snapshotLoaded`.
    case loadSnapshot
    /// Write the loaded rows to the local snapshot (fire and forget; atomic).
    case writeSnapshot
}

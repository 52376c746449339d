import Foundation
import WaldurClient

extension AppState {
    /// The list query of a full load: trimmed fields, the server ordering when the API has one, the filter's server part.
    func fullQuery() -> OrderListQuery {
        var q = OrderListQuery()
        q.fields = OrderRow.listFields
        q.pageSize = configuration.pageSize
        if let o = sort.serverOrdering { q.ordering = [o] }
        appliedFilter.apply(to: &q, now: now)
        return q
    }

    /// The filter's server part differs from what the loaded orders were fetched with: a reload would narrow or widen.
    public var serverFilterOutdated: Bool {
        guard let loaded = loadedServerQuery else { return false }
        let wanted = fullQuery()
        return wanted.state != loaded.state || wanted.type != loaded.type || wanted.query != loaded.query
            || wanted.projectUUID != loaded.projectUUID || wanted.customerUUID != loaded.customerUUID
            || wanted.providerUUID != loaded.providerUUID || wanted.offeringUUID != loaded.offeringUUID
    }

    mutating func nextLoadID() -> Int {
        lastLoadID += 1
        return lastLoadID
    }

    /// Starts a full load (initial, reload or reconcile) plus the two "Needs me" queries; cancels loads it supersedes.
    mutating func startFullLoad(reconcile: Bool) -> [Effect] {
        var effects: [Effect] = []
        for (id, load) in loads {
            switch load.purpose {
            case .full, .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false), .poll:
                effects.append(.cancelLoad(id: id))
                loads[id] = nil
            default: break
            }
        }
        let query: OrderListQuery
        if reconcile, let loaded = loadedServerQuery { query = loaded } else { query = fullQuery() }
        let id = nextLoadID()
        loads[id] = RunningLoad(purpose: .full(reconcile: reconcile), startedAt: now)
        loadedServerQuery = query
        if !reconcile { loadProgress = LoadProgress(loaded: 0, total: nil) }
        effects.append(.load(LoadRequest(id: id, purpose: .full(reconcile: reconcile), query: query)))
        effects += startNeedsMe(incremental: false, since: nil)
        return effects
    }

    mutating func startNeedsMe(incremental: Bool, since: Date?) -> [Effect] {
        var effects: [Effect] = []
        for consumer in [true, false] {
            var q = OrderListQuery()
            q.fields = OrderRow.listFields
            q.pageSize = configuration.pageSize
            if consumer { q.canApproveAsConsumer = true; q.state = [.pendingConsumer] } else { q.canApproveAsProvider = true; q.state = [.pendingProvider] }
            q.modified = since
            let purpose: LoadPurpose = consumer ? .needsMeConsumer(incremental: incremental) : .needsMeProvider(incremental: incremental)
            let id = nextLoadID()
            loads[id] = RunningLoad(purpose: purpose, startedAt: now)
            effects.append(.load(LoadRequest(id: id, purpose: purpose, query: q)))
        }
        return effects
    }

    /// Starts a poll: orders modified since the last poll minus the overlap, merged.
    mutating func startPoll() -> [Effect] {
        guard var q = loadedServerQuery, let anchor = refresh.pollAnchor else { return startFullLoad(reconcile: true) }
        let since = anchor.addingTimeInterval(-configuration.pollOverlap)
        q.modified = max(q.modified ?? since, since)
        q.ordering = []
        let id = nextLoadID()
        loads[id] = RunningLoad(purpose: .poll, startedAt: now)
        return [.load(LoadRequest(id: id, purpose: .poll, query: q))] + startNeedsMe(incremental: true, since: since)
    }

    var isPolling: Bool {
        loads.values.contains { load in
            switch load.purpose {
            case .poll, .full: return true
            default: return false
            }
        }
    }

    /// Merges orders from a load. Returns effects (re-fetch of a changed selected order).
    mutating func merge(_ orders: [Order], purpose: LoadPurpose?, flagChanges: Bool) -> [Effect] {
        var flag: UInt8 = 0
        switch purpose {
        case .needsMeConsumer: flag = OrderRow.needsMeConsumerFlag
        case .needsMeProvider: flag = OrderRow.needsMeProviderFlag
        default: break
        }
        let bigLoad = isFullLoadRunning
        var result = OrderIndex.MergeResult()
        updateList { index, view in
            result = index.merge(orders, flag: flag, flagChanges: flagChanges, bigLoadRunning: bigLoad, view: view)
        }
        var effects: [Effect] = []
        // A changed order's full copy is stale: drop it, and fetch it again when it is the one shown.
        for uuid in result.changed where detailCache[uuid] != nil {
            detailCache[uuid] = nil
            if selectedUUID == uuid, !detailLoading.contains(uuid) {
                detailLoading.insert(uuid)
                effects.append(.retrieveOrder(uuid))
            }
        }
        return effects + selectionEffects()
    }

    var isFullLoadRunning: Bool {
        loads.values.contains { if case .full = $0.purpose { return true } else { return false } }
    }
}

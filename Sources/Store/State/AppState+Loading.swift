import Foundation
import WaldurClient

extension AppState {
    /// The list query of a full load: the fields the list needs (`ListFields.listLoad`), the server ordering when the
    /// API has one, the filter's server part.
    func fullQuery() -> OrderListQuery {
        var q = OrderListQuery()
        q.fields = neededFields
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

    /// The fields the columns, the sort, the applied filter and the queues' rules need now.
    var neededFields: [String] {
        ListFields.listLoad(columns: configuration.columnFields, filter: appliedFilter, sort: sort.key, queues: queues,
                            isStaff: configuration.isStaff)
    }

    /// After a filter or sort change: when it reads a field the loaded orders lack, reloads them with that field added
    /// (same server query, no change highlights) and says so; a free word that cannot search some names says which.
    mutating func loadMissingFields(for reason: String) -> [Effect] {
        guard let loaded = loadedServerQuery else { return [] }
        let missing = missingFields
        if missing.isEmpty {
            let words = appliedFilter.terms.contains { if case .text = $0.predicate { return true } else { return false } }
            let unsearched = ListFields.unsearched(loaded: loaded.fields)
            if words, !unsearched.isEmpty {
                // Said once per filter session: while typing, the same line stays on instead of filling the log.
                let text = "free words search the loaded names, not \(unsearched.joined(separator: ", ")) (a key such as plan:… loads them)"
                if let last = messages.indices.last, messages[last].text == text { messages[last].isLive = true } else { message(.info, text) }
            }
            return []
        }
        message(.info, "loading \(ListFields.ordered(missing).joined(separator: ", ")) for the \(reason)")
        return startFullLoad(reconcile: false, widening: true)
    }

    mutating func nextLoadID() -> Int {
        lastLoadID += 1
        return lastLoadID
    }

    /// Starts a full load (initial, reload or reconcile) plus the two "Needs me" queries; cancels loads it supersedes.
    /// `widening` keeps the loaded server query and adds the fields now needed.
    mutating func startFullLoad(reconcile: Bool, widening: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        for (id, load) in loads {
            switch load.purpose {
            case .full, .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false), .poll, .uuidSweep:
                effects.append(.cancelLoad(id: id))
                loads[id] = nil
            default: break
            }
        }
        // A warm start's or reconcile's delta and sweep are superseded too (the cached marker stays until it ends).
        warmStart = nil
        var query: OrderListQuery
        if reconcile || widening, let loaded = loadedServerQuery { query = loaded } else { query = fullQuery() }
        if widening { query.fields = ListFields.ordered(query.fields + neededFields) }
        let id = nextLoadID()
        loads[id] = RunningLoad(purpose: .full(reconcile: reconcile), startedAt: now)
        loadedServerQuery = query
        loadedParts = loadParts(query)
        if !reconcile { loadProgress = LoadProgress(loaded: 0, total: nil) }
        effects.append(.load(LoadRequest(id: id, purpose: .full(reconcile: reconcile), query: query, parts: loadedParts)))
        effects += startNeedsMe(incremental: false, since: nil)
        return effects
    }

    /// Starts a poll: orders modified since the last poll minus the overlap, merged. The "Needs me" queries for the
    /// same interval follow only when the poll brought orders (they list a subset of those): an idle tick is one request.
    mutating func startPoll() -> [Effect] {
        guard var q = loadedServerQuery, let anchor = refresh.pollAnchor else { return startFullLoad(reconcile: true) }
        let since = anchor.addingTimeInterval(-configuration.pollOverlap)
        q.modified = max(q.modified ?? since, since)
        q.ordering = []
        let id = nextLoadID()
        loads[id] = RunningLoad(purpose: .poll, startedAt: now, needsMeSince: since)
        return [.load(LoadRequest(id: id, purpose: .poll, query: q))]
    }

    /// A refresh is under way (a poll, a full load, or a warm start's or reconcile's delta and sweep): no tick starts
    /// another.
    var isPolling: Bool {
        warmStart != nil || loads.values.contains { load in
            switch load.purpose {
            case .poll, .full, .uuidSweep: return true
            default: return false
            }
        }
    }

    /// Merges orders from a load (or, `only` the list's fields of them, from a detail fetch). Returns effects
    /// (re-fetch of a changed selected order).
    mutating func merge(_ orders: [Order], purpose: LoadPurpose?, flagChanges: Bool, only fields: Set<String>? = nil) -> [Effect] {
        let flag = AppState.needsMeFlag(purpose)
        let bigLoad = isFullLoadRunning
        var result = OrderIndex.MergeResult()
        // (The first group, possibly empty, is always merged: an empty page still places the selection.)
        for (n, group) in takeAwaitingFlags(orders).enumerated() where n == 0 || !group.orders.isEmpty {
            updateList { index, view in
                let r = index.merge(group.orders, flag: flag | group.flags, flagChanges: flagChanges, bigLoadRunning: bigLoad,
                                    view: view, only: fields)
                result.changed += r.changed
            }
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
        loads.values.contains { $0.purpose.isFull }
    }
}

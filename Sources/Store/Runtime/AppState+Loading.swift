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
        var effects: [Effect] = []
        filterCache.removeAll()
        var needsResort = false
        var appended: [Int32] = []
        var flag: UInt8 = 0
        switch purpose {
        case .needsMeConsumer: flag = OrderRow.needsMeConsumerFlag
        case .needsMeProvider: flag = OrderRow.needsMeProviderFlag
        default: break
        }
        for order in orders {
            var row = OrderRow(order, pool: &pool)
            if let i = index[row.key] {
                let old = rows[Int(i)]
                // An answer older than what is loaded (a late page or detail fetch) never rolls a row back.
                if old.modified > row.modified { continue }
                row.flags = old.flags | flag
                row.highlightedAt = old.highlightedAt
                let changed = old.stateCode != row.stateCode || old.stateWire != row.stateWire || old.modified != row.modified || old.cost != row.cost
                if !sameSortKey(old, row) { needsResort = true }
                if changed {
                    if flagChanges, !old.isNew {
                        row.flags |= OrderRow.changedFlag
                        row.highlightedAt = now.timeIntervalSince1970
                    }
                    let uuid = order.uuid
                    if detailCache[uuid] != nil {
                        detailCache[uuid] = nil
                        if selectedUUID == uuid, !detailLoading.contains(uuid) {
                            detailLoading.insert(uuid)
                            effects.append(.retrieveOrder(uuid))
                        }
                    }
                }
                rows[Int(i)] = row
            } else {
                row.flags |= flag
                if flagChanges {
                    row.flags |= OrderRow.newFlag
                    row.highlightedAt = now.timeIntervalSince1970
                }
                let i = Int32(rows.count)
                rows.append(row)
                index[row.key] = i
                appended.append(i)
            }
        }
        rebuildHot()
        compileQueueFilters()
        let hasNewNames = compiledFilter.tests.contains { if case .text = $0.test { return true }; if case .field = $0.test { return true }; return false }
        if hasNewNames { compiledFilter = CompiledFilter(appliedFilter, pool: pool, now: now, previous: compiledFilter) }
        if needsResort || (!appended.isEmpty && (sorted.count <= 5000 || rows.count >= 2 * sorted.count || !isFullLoadRunning)) {
            resort()
        } else if !appended.isEmpty {
            // During a big load: new rows go to the end until the load finishes (then everything is sorted).
            sorted += appended
            filterCache.removeAll()
            refilter(narrowing: false)
        } else {
            // Rows changed in place without moving in the sort order: only the filter and queues need a look.
            refilter(narrowing: false)
        }
        return effects + selectionEffects()
    }

    /// Whether a changed row keeps its place in the current sort (then no re-sort is needed).
    func sameSortKey(_ a: OrderRow, _ b: OrderRow) -> Bool {
        switch sort.key {
        case .created: return a.created == b.created || (a.created.isNaN && b.created.isNaN)
        case .modified: return a.modified == b.modified || (a.modified.isNaN && b.modified.isNaN)
        case .consumerReviewedAt: return a.consumerReviewedAt == b.consumerReviewedAt || (a.consumerReviewedAt.isNaN && b.consumerReviewedAt.isNaN)
        case .state: return a.stateCode == b.stateCode && a.stateWire == b.stateWire
        case .type: return a.typeCode == b.typeCode && a.typeWire == b.typeWire
        case .cost: return a.cost == b.cost
        case .offering: return a.offering == b.offering
        case .plan: return a.plan == b.plan
        case .project: return a.project == b.project
        case .customer: return a.customer == b.customer
        case .provider: return a.provider == b.provider
        case .resource: return a.resource == b.resource
        case .createdBy: return a.creator == b.creator
        case .uuid: return true
        }
    }

    var isFullLoadRunning: Bool {
        loads.values.contains { if case .full = $0.purpose { return true } else { return false } }
    }
}

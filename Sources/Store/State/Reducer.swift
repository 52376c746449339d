import Foundation
import WaldurClient

/// The pure reducer: applies `action` to `state` and returns the work to do. No I/O, no clock reads.
public func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    // Information lines, and refusals about what was selected then, last until the user's next action.
    if action.isUserIntent { state.retireMessages { $0.level == .info || ($0.level == .warning && $0.topic == .general) } }
    switch action {
    case let .start(now):
        guard !state.started else { return [] }
        state.now = now
        state.started = true
        return [.loadPersistedSort]

    case let .persistedSortLoaded(sort):
        if let sort { state.sort = sort }
        state.resort()
        return state.configuration.startsFromSnapshot ? [.loadSnapshot] : state.startFullLoad(reconcile: false)

    case let .snapshotLoaded(snapshot):
        return state.snapshotLoaded(snapshot)

    case let .sortNotRemembered(reason):
        state.message(.warning, reason)
        return []

    case let .tick(now):
        return state.tick(now)

    case .reload:
        guard state.started else { return [] }
        return state.startFullLoad(reconcile: false)

    case let .pageLoaded(id, orders, total):
        return state.pageLoaded(id: id, orders: orders, total: total)

    case let .loadFinished(id):
        return state.loadFinished(id: id)

    case let .loadFailed(id, error):
        return state.loadFailed(id: id, error: error)

    case let .selectQueue(i):
        guard i >= 0, i < state.queues.count, i != state.selectedQueueIndex else { return [] }
        state.selectedQueueIndex = i
        state.requeue(recount: false)
        return state.selectionEffects()

    case let .setFilterText(text):
        state.filterText = text
        switch parseFilter(text) {
        case let .success(expression):
            state.filterError = nil
            guard expression != state.appliedFilter else { return [] }
            state.appliedFilter = expression
            state.updateList { $0.applyFilter($1) }
            return state.selectionEffects() + state.loadMissingFields(for: "filter")
        case let .failure(error):
            state.filterError = error
            return []
        }

    case let .sort(key, ascending):
        let asc: Bool
        if let ascending {
            asc = ascending
        } else if key == state.sort.key {
            asc = !state.sort.ascending
        } else {
            // Dates and money: largest/newest first; names: A→Z.
            switch key {
            case .created, .modified, .consumerReviewedAt, .cost: asc = false
            default: asc = true
            }
        }
        let new = OrderSort(key: key, ascending: asc)
        guard new != state.sort else { return [] }
        state.sort = new
        state.resort()
        return [.persistSort(new)] + state.loadMissingFields(for: "sort")

    case let .moveSelection(delta):
        guard !state.visible.isEmpty else { return [] }
        let current = state.selectedIndex ?? 0
        return state.select(index: current + delta)

    case let .selectRow(i):
        return state.select(index: i)

    case let .selectOrder(uuid):
        guard let row = state.rowIndex(uuid), let pos = state.visible.firstIndex(of: row) else { return [] }
        return state.select(index: pos)

    case .toggleMark:
        guard let s = state.selectedUUID else { return [] }
        if state.marked.contains(s) { state.marked.remove(s) } else { state.marked.insert(s) }
        return []

    case .markAllVisible:
        for i in state.visible { state.marked.insert(state.uuid(ofRow: i)) }
        return []

    case .clearMarks:
        state.marked = []
        return []

    case let .orderRetrieved(order):
        state.detailErrors[order.uuid] = nil
        // Only keep it if the order is (still) loaded.
        guard state.rowIndex(order.uuid) != nil else {
            state.detailLoading.remove(order.uuid)
            return []
        }
        return state.acceptFullOrder(order)

    case let .orderRetrieveFailed(uuid, error):
        state.detailLoading.remove(uuid)
        if error.status == 404 {
            let key = RowKey(uuid)
            state.removeRows { $0.key == key }
            state.resort()
            state.message(.warning, "order \(uuid.hex.prefix(8)) no longer exists")
            return state.selectionEffects()
        }
        state.detailErrors[uuid] = error.message
        return []

    case let .requestAction(a):
        return state.requestAction(a)

    case let .setActionInput(text):
        return reduce(&state, .setActionField(0, text))

    case let .setActionField(i, text):
        guard let c = state.confirmation, i >= 0, i < c.texts.count else { return [] }
        state.confirmation?.texts[i] = text
        return []

    case .confirmAction:
        return state.confirmAction()

    case .cancelAction:
        state.cancelConfirmation()
        return []

    case let .actionCompleted(batch, call, outcome, httpStatus):
        return state.actionCompleted(batch: batch, call: call, outcome: outcome, httpStatus: httpStatus)

    case let .auditFailed(reason):
        state.message(.error, "audit log not written: \(reason)", topic: .audit)
        return []

    case let .setRefreshPaused(paused):
        state.refresh.isPaused = paused
        if !paused { state.refresh.nextPollAt = state.now }
        return []

    case .toggleRefreshPaused:
        return reduce(&state, .setRefreshPaused(!state.refresh.isPaused))

    case .clearHighlights:
        let mask = ~(OrderRow.newFlag | OrderRow.changedFlag)
        state.orders.updateFlags({ $0.flags &= mask }, where: { $0.flags & ~mask != 0 })
        return []

    case .dismissMessage:
        // Esc clears the status line; older messages never come back (the message log keeps them all).
        state.retireMessages { _ in true }
        return []
    }
}

extension AppState {
    /// Shows a message on the status line and keeps it in the log.
    mutating func message(_ level: StatusMessage.Level, _ text: String, topic: StatusMessage.Topic = .general) {
        appendToLog(StatusMessage(level, text, at: now, topic: topic))
    }

    /// Keeps a message in the log only (per-order results of a bulk action).
    mutating func log(_ level: StatusMessage.Level, _ text: String, topic: StatusMessage.Topic) {
        var m = StatusMessage(level, text, at: now, topic: topic)
        m.isLive = false
        appendToLog(m)
    }

    private mutating func appendToLog(_ m: StatusMessage) {
        messages.append(m)
        if messages.count > AppState.messageLogLimit { messages.removeFirst(messages.count - AppState.messageLogLimit) }
    }

    /// Takes the live messages that match off the status line (they stay in the log).
    mutating func retireMessages(where matches: (StatusMessage) -> Bool) {
        for i in messages.indices.reversed() where messages[i].isLive && matches(messages[i]) { messages[i].isLive = false }
    }

    /// A condition ended (a load worked again): its messages leave the status line.
    mutating func clearTopic(_ topic: StatusMessage.Topic) {
        retireMessages { $0.topic == topic }
    }

    mutating func select(index i: Int) -> [Effect] {
        guard !visible.isEmpty else { return [] }
        let pos = min(max(0, i), visible.count - 1)
        selectedIndex = pos
        selectedUUID = uuid(ofRow: visible[pos])
        noteUserSelection(row: visible[pos])
        return selectionEffects()
    }

    /// Fetches the full order of the selection when it is not cached.
    mutating func selectionEffects() -> [Effect] {
        guard let s = selectedUUID, detailCache[s] == nil, !detailLoading.contains(s), detailErrors[s] == nil else { return [] }
        detailLoading.insert(s)
        return [.retrieveOrder(s)]
    }

    /// A full order from the server: updates its row and caches it for the detail view.
    mutating func acceptFullOrder(_ order: Order) -> [Effect] {
        let incoming = order.modified?.timeIntervalSince1970 ?? .nan
        let known = Double.maximum(rowIndex(order.uuid).map { rows[Int($0)].modified } ?? .nan,
                                   detailCache[order.uuid]?.modified?.timeIntervalSince1970 ?? .nan)
        if known > incoming {
            // A fetch that lost a race with a newer answer (an action's re-fetch, a poll): the newer one stays.
            detailLoading.remove(order.uuid)
            guard selectedUUID == order.uuid, detailCache[order.uuid] == nil else { return [] }
            detailLoading.insert(order.uuid)
            return [.retrieveOrder(order.uuid)]
        }
        // The row keeps only what the list loads: the next load brings the same fields, never fewer.
        let listed = loadedServerQuery.map { Set($0.fields) }.flatMap { $0.isEmpty ? nil : $0 }
        let effects = merge([order], purpose: nil, flagChanges: hasLoaded, only: listed)
        detailCache[order.uuid] = order
        detailLoading.remove(order.uuid)
        trimDetailCache()
        return effects.filter { $0 != .retrieveOrder(order.uuid) }
    }

    mutating func trimDetailCache() {
        guard detailCache.count > 200 else { return }
        for key in detailCache.keys where key != selectedUUID {
            detailCache[key] = nil
            if detailCache.count <= 150 { break }
        }
    }

    // MARK: Loads

    mutating func pageLoaded(id: Int, orders: [Order], total: Int?) -> [Effect] {
        // Taken out of the dictionary while it changes, so its set of seen orders is not copied for every page.
        guard var load = loads.removeValue(forKey: id) else { return [] } // superseded or finished: ignored
        for k in orders.indices { load.seen.insert(RowKey(orders[k].uuid)) } // (by index: no copy of each order)
        load.loaded += orders.count
        if load.total == nil { load.total = total }
        loads[id] = load
        // uuids only: compared at the end, never merged; the first page's count may make a warm start fresh.
        if load.purpose == .uuidSweep { return warmSweepCounted(id: id, total: load.total) ?? [] }
        if load.uuidsOnly {
            needsMeUUIDsListed(orders, flag: AppState.needsMeFlag(load.purpose))
            return selectionEffects()
        }
        var flagChanges = hasLoaded
        if case .full(reconcile: false) = load.purpose {
            flagChanges = false
            loadProgress = LoadProgress(loaded: load.seen.count, total: load.total) // (an order listed twice counts once)
        }
        return merge(orders, purpose: load.purpose, flagChanges: flagChanges)
    }

    mutating func loadFinished(id: Int) -> [Effect] {
        guard let load = loads.removeValue(forKey: id) else { return [] }
        switch load.purpose {
        case let .full(reconcile):
            // Orders the server no longer lists (under the loaded query) are dropped.
            let seen = load.seen
            removeRows { !seen.contains($0.key) }
            if !reconcile { loadProgress = nil }
            refresh.lastNamesLoad = load.startedAt
            fullListLoaded(startedAt: load.startedAt)
            return selectionEffects() + fullLoadFinishedSnapshot()
        case .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false):
            needsMeSetListed(load.seen, flag: AppState.needsMeFlag(load.purpose))
            clearTopic(.needsMe)
            return []
        case .needsMeConsumer, .needsMeProvider:
            clearTopic(.needsMe)
            return []
        case .poll:
            if let effects = warmLoadFinished(id: id, load: load) { return effects }
            refresh.lastSuccess = load.startedAt
            refresh.pollAnchor = load.startedAt
            refreshSucceeded()
            guard load.loaded > 0, let since = load.needsMeSince else { return [] }
            return startNeedsMe(incremental: true, since: since)
        case .uuidSweep:
            return warmLoadFinished(id: id, load: load) ?? []
        }
    }

    /// Every order the loaded query lists is in, as of `startedAt` (a full load, or a snapshot brought up to date).
    mutating func fullListLoaded(startedAt: Date) {
        hasLoaded = true
        refresh.lastSuccess = startedAt
        refresh.pollAnchor = startedAt
        refresh.lastFullLoad = startedAt
        refreshSucceeded()
        resort()
    }

    mutating func refreshSucceeded() {
        refresh.consecutiveFailures = 0
        refresh.lastError = nil
        clearTopic(.load)
        if configuration.refreshInterval > 0 { refresh.nextPollAt = now.addingTimeInterval(configuration.refreshInterval) }
    }

    mutating func loadFailed(id: Int, error: WaldurError) -> [Effect] {
        guard let load = loads.removeValue(forKey: id) else { return [] }
        if error == .cancelled { return [] }
        if let effects = warmLoadFailed(id: id, error: error) { return effects }
        switch load.purpose {
        case .full(reconcile: false):
            loadProgress = nil
            message(.error, "loading orders failed: \(error.message)", topic: .load)
            if hasLoaded { markStale(error) }
        case .full(reconcile: true), .poll, .uuidSweep:
            markStale(error)
        case .needsMeConsumer, .needsMeProvider:
            message(.warning, "loading the “Needs me” queue failed: \(error.message)", topic: .needsMe)
        }
        return []
    }

    /// A failed refresh: what is loaded stays; the data is marked stale and the next poll backs off.
    mutating func markStale(_ error: WaldurError) {
        refresh.consecutiveFailures += 1
        refresh.lastError = error.message
        let base = max(configuration.refreshInterval, 1)
        let wait = min(base * pow(2, Double(refresh.consecutiveFailures)), max(configuration.maxBackoff, base))
        refresh.nextPollAt = now.addingTimeInterval(wait)
        clearTopic(.load)
        message(.warning, "refresh failed: \(error.message) — showing data from \(staleAgeText ?? "earlier"); retrying in \(AppState.duration(wait))", topic: .load)
    }

    // MARK: Time

    mutating func tick(_ t: Date) -> [Effect] {
        now = t
        retireMessages { $0.expiresAt.map { $0 <= t } ?? false }
        var effects: [Effect] = []
        expireHighlights()
        // Time-relative filters (age<2h) are re-evaluated every 15 seconds of clock time.
        if appliedFilter.dependsOnTime || queues.contains(where: { if case let .custom(e) = $0.kind { return e.dependsOnTime } else { return false } }),
           abs(t.timeIntervalSince(timeFilterAt)) >= 15 {
            timeFilterAt = t
            updateList { $0.reevaluateTimeFilters($1) }
            effects += selectionEffects()
        }
        guard started, hasLoaded, configuration.refreshInterval > 0, !refresh.isPaused, !isPolling else { return effects }
        let due = refresh.nextPollAt ?? (refresh.lastSuccess ?? t).addingTimeInterval(configuration.refreshInterval)
        refresh.nextPollAt = due
        guard t >= due else { return effects }
        if let last = refresh.lastFullLoad, t.timeIntervalSince(last) >= configuration.reconcileInterval {
            if let names = refresh.lastNamesLoad, t.timeIntervalSince(names) < configuration.namesReloadInterval {
                return effects + startReconcile()
            }
            return effects + startFullLoad(reconcile: true)
        }
        return effects + startPoll()
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }
}

import Foundation
import WaldurClient

/// Starting from the local snapshot (issue 14): the rows are shown at once, marked cached, then brought up to date by
/// a `modified`-since delta and reconciled by one uuid-only listing; actions wait for the server's current state.
extension AppState {
    /// Orders per page of the uuid sweep: the server's largest page (Waldur caps `page_size` at 300).
    static let sweepPageSize = 300

    /// The one request (paged) that finds orders deleted on the server or no longer visible to the user:
    /// `GET marketplace-orders/?field=uuid&page_size=300&o=created` under the loaded query's filters. Oldest first, so
    /// orders created while it pages are appended at the end instead of pushing one already listed off its page.
    func uuidSweepQuery() -> OrderListQuery {
        var q = loadedServerQuery ?? fullQuery()
        q.fields = ["uuid"]
        q.pageSize = AppState.sweepPageSize
        q.ordering = ["created"]
        q.modified = nil
        return q
    }

    /// The loaded rows are everything the user can see (no server-side filter narrowed the load, `modified>` terms
    /// included), so a snapshot of them can stand for the whole list next time.
    var loadsEverything: Bool { loadedServerQuery.map(AppState.listsEveryOrder) ?? false }

    /// The time the loaded rows are complete as of, when they may be written as the snapshot: loaded and up to date,
    /// not narrowed by a server filter. Changes after it are what the next start asks for (`modified` since then).
    public var snapshotTime: Date? {
        guard configuration.startsFromSnapshot, hasLoaded, cachedSince == nil, warmStart == nil, loadsEverything else { return nil }
        return refresh.pollAnchor
    }

    /// Shows a snapshot's rows and starts bringing them up to date; without one (or with an unusable one), the
    /// ordinary full load.
    mutating func snapshotLoaded(_ snapshot: OrderSnapshot?) -> [Effect] {
        guard !hasLoaded, !isFullLoadRunning, warmStart == nil else { return [] }
        guard let snapshot, !snapshot.rows.isEmpty else { return startFullLoad(reconcile: false) }
        // Rows loaded for other columns would show blanks where the columns now want values: load everything.
        guard snapshot.header.holds(fields: fullQuery().fields) else {
            message(.info, "the local snapshot lacks fields the columns now show; loading everything")
            return startFullLoad(reconcile: false)
        }
        var installed = false
        updateList { index, view in installed = index.install(rows: snapshot.rows, pool: snapshot.pool, view: view) }
        guard installed else {
            message(.warning, "the local snapshot repeats orders; loading everything")
            return startFullLoad(reconcile: false)
        }
        cachedSince = snapshot.header.writtenAt
        loadedServerQuery = fullQuery()
        // The rows were written from a load of the same columns, asked in the same parts.
        loadedParts = loadParts(fullQuery())
        // The rows keep their "Needs me" flags: like a poll, only orders changed since are asked for (the next
        // reconcile re-reads every flag).
        return startSweep(since: snapshot.header.writtenAt, flagsSince: true) + selectionEffects()
    }

    /// The periodic reconcile: the same delta and uuid sweep as a warm start (orders changed since the last poll,
    /// every uuid the server lists) and every "Needs me" flag read again, instead of loading every order again. On a
    /// real Waldur with 10,000 orders that is about 3 s of server CPU instead of about 80 s. Orders the sweep lists
    /// and no load has brought (made visible without changing) are then loaded by a full load.
    mutating func startReconcile() -> [Effect] {
        guard loadedServerQuery != nil, let anchor = refresh.pollAnchor else { return startFullLoad(reconcile: true) }
        return startSweep(since: anchor, flagsSince: false)
    }

    /// Starts the delta of orders modified since `since` (minus the overlap) and the uuid sweep, both under the
    /// loaded query, and the "Needs me" queries (`flagsSince`: only orders changed since; else every flag).
    mutating func startSweep(since: Date, flagsSince: Bool) -> [Effect] {
        guard var delta = loadedServerQuery else { return [] }
        delta.modified = since.addingTimeInterval(-configuration.pollOverlap)
        delta.ordering = []
        let deltaID = nextLoadID()
        loads[deltaID] = RunningLoad(purpose: .poll, startedAt: now)
        let sweepID = nextLoadID()
        loads[sweepID] = RunningLoad(purpose: .uuidSweep, startedAt: now)
        warmStart = WarmStart(deltaID: deltaID, sweepID: sweepID, startedAt: now)
        return [.load(LoadRequest(id: deltaID, purpose: .poll, query: delta)),
                .load(LoadRequest(id: sweepID, purpose: .uuidSweep, query: uuidSweepQuery()))]
            + startNeedsMe(incremental: flagsSince, since: flagsSince ? delta.modified : nil)
    }

    /// One of the warm start's loads finished (nil: not one of them). When both have: rows the sweep did not list
    /// are removed (unless a delta brought them since it started), and the list is fresh.
    mutating func warmLoadFinished(id: Int, load: RunningLoad) -> [Effect]? {
        guard var warm = warmStart else { return nil }
        if id == warm.deltaID { warm.deltaDone = true } else if id == warm.sweepID { warm.listed = load.seen } else { return nil }
        warmStart = warm
        guard warm.deltaDone, let listed = warm.listed else { return freshOnCount() }
        warmStart = nil
        // Deleted on the server or no longer visible: not listed. An order created or changed while the sweep paged
        // (the delta brought it) may be missing from the listing and stays.
        let changedSince = warm.startedAt.addingTimeInterval(-configuration.pollOverlap).timeIntervalSince1970
        removeRows { !listed.contains($0.key) && !($0.modified >= changedSince) }
        let missing = listed.reduce(0) { $0 + (orders.rowIndex($1) == nil ? 1 : 0) }
        cachedSince = nil
        // (Again when a warm start was declared fresh on the count: the same times, and the rows sorted once more.)
        fullListLoaded(startedAt: warm.startedAt)
        // A warm start's names are as old as the snapshot; they are read again one interval into the session.
        if refresh.lastNamesLoad == nil { refresh.lastNamesLoad = warm.startedAt }
        let effects = selectionEffects()
        guard missing == 0 else {
            // Listed but not loaded: visible now without having changed (access was granted). Deltas cannot bring
            // those; one full load does (and writes the snapshot when it ends).
            message(.info, "\(missing) order\(missing == 1 ? "" : "s") became visible without changing; loading them")
            return effects + startFullLoad(reconcile: true)
        }
        return effects + [.writeSnapshot]
    }

    /// The warm sweep's first page came with the server's count of orders (nil: not the warm sweep).
    mutating func warmSweepCounted(id: Int, total: Int?) -> [Effect]? {
        guard var warm = warmStart, id == warm.sweepID else { return nil }
        guard warm.serverCount == nil, let total else { return [] }
        warm.serverCount = total
        warmStart = warm
        return freshOnCount()
    }

    /// Fresh before the sweep ends: the delta is in and the server lists as many orders as are held, so (short of one
    /// order gone and another become visible unchanged, which the sweep still finds) nothing is missing or extra.
    /// The marker goes, refreshes start; the sweep goes on and removes what it does not list.
    mutating func freshOnCount() -> [Effect] {
        guard let warm = warmStart, warm.deltaDone, cachedSince != nil, warm.listed == nil,
              let count = warm.serverCount, count == orders.count else { return [] }
        cachedSince = nil
        fullListLoaded(startedAt: warm.startedAt)
        return selectionEffects()
    }

    /// One of the warm start's loads failed (nil: not one of them): the other stops, the cached rows stay (marked
    /// cached and stale), and the next refresh is a full reconcile.
    mutating func warmLoadFailed(id: Int, error: WaldurError) -> [Effect]? {
        guard let warm = warmStart, id == warm.deltaID || id == warm.sweepID else { return nil }
        warmStart = nil
        let other = id == warm.deltaID ? warm.sweepID : warm.deltaID
        loads[other] = nil
        hasLoaded = true
        refresh.lastFullLoad = .distantPast
        markStale(error)
        return [.cancelLoad(id: other)]
    }

    /// A full load finished: whatever was cached is replaced, and the snapshot is written when it may be.
    mutating func fullLoadFinishedSnapshot() -> [Effect] {
        cachedSince = nil
        warmStart = nil
        return snapshotTime == nil ? [] : [.writeSnapshot]
    }

    /// Why an action may not go to an order shown from the snapshot: its state may be old, so only an order whose
    /// full copy came from the server in this session (the detail view fetches it on selection) can be acted on.
    func cachedRowRefusal(_ uuid: WaldurUUID) -> String? {
        guard cachedSince != nil, detailCache[uuid] == nil else { return nil }
        return "the list is from the local snapshot: waiting for the server's current state of this order"
    }
}

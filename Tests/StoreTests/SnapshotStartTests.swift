import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Starting from the snapshot in the reducer: the rows at once, marked cached; a delta and a uuid sweep; deletions
/// and lost visibility removed; actions only with the server's current state.
@Suite struct SnapshotStartTests {
    let identity = SnapshotIdentity(server: "https://waldur.example.com/api/", user: "alice")
    let written = testNow.addingTimeInterval(-3 * 3600)

    func snapshot(_ orders: [Order]) -> OrderSnapshot {
        var pool = StringPool()
        let rows = orders.map { OrderRow($0, pool: &pool) }
        return OrderSnapshot(identity: identity, writtenAt: written, rows: rows, pool: pool)
    }

    /// A state started from a snapshot of `orders`, with the effects that answered it.
    func warmState(_ orders: [Order]) -> (AppState, [Effect]) {
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let first = reduce(&state, .persistedSortLoaded(nil))
        #expect(first == [.loadSnapshot], "nothing is asked of the server before the snapshot is read")
        let effects = reduce(&state, .snapshotLoaded(snapshot(orders)))
        return (state, effects)
    }

    func answer(_ state: inout AppState, _ request: LoadRequest, _ orders: [Order]) -> [Effect] {
        _ = reduce(&state, .pageLoaded(id: request.id, orders: orders, totalCount: orders.count))
        return reduce(&state, .loadFinished(id: request.id))
    }

    @Test func snapshotRowsShowAtOnceMarkedCached() throws {
        let orders = (1...20).map { makeOrder($0) }
        let (state, effects) = warmState(orders)
        #expect(state.loadedCount == 20 && state.count(of: "All") == 20)
        #expect(state.cachedSince == written)
        #expect(!state.hasLoaded)
        let requests = loads(effects)
        let delta = try #require(requests.first { $0.purpose == .poll })
        #expect(delta.query.modified == written.addingTimeInterval(-state.configuration.pollOverlap), "changes since the snapshot")
        let sweep = try #require(requests.first { $0.purpose == .uuidSweep })
        #expect(sweep.query.fields == ["uuid"] && sweep.query.pageSize == 300 && sweep.query.ordering == ["created"])
        #expect(sweep.query.modified == nil && sweep.query.state.isEmpty)
        let needsMe = requests.filter { if case .needsMeConsumer = $0.purpose { return true }; if case .needsMeProvider = $0.purpose { return true }; return false }
        #expect(needsMe.count == 2)
        #expect(needsMe.allSatisfy { $0.query.modified == delta.query.modified }, "the cached flags stay; only changes since are asked for")
        #expect(needsMe.allSatisfy { $0.purpose == .needsMeConsumer(incremental: true) || $0.purpose == .needsMeProvider(incremental: true) })
        #expect(!requests.contains { $0.purpose.isFull }, "no full load")
    }

    @Test func aSnapshotLackingFieldsTheColumnsWantIsNotShown() throws {
        let orders = (1...20).map { makeOrder($0) }
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(nil))
        var narrow = snapshot(orders)
        narrow.header.fields = ["uuid", "state"]
        let effects = reduce(&state, .snapshotLoaded(narrow))
        #expect(state.loadedCount == 0 && state.cachedSince == nil, "no rows with blank columns")
        #expect(loads(effects).contains { $0.purpose.isFull }, "a full load instead")

        var wide = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&wide, .start(now: testNow))
        _ = reduce(&wide, .persistedSortLoaded(nil))
        var more = snapshot(orders)
        more.header.fields = wide.fullQuery().fields + ["plan_name"]
        _ = reduce(&wide, .snapshotLoaded(more))
        #expect(wide.loadedCount == 20 && wide.cachedSince == written, "rows with every wanted field (and more) are shown")
    }

    @Test func theSnapshotRecordsTheFieldsItWasLoadedWith() throws {
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(nil))
        let full = try #require(loads(reduce(&state, .snapshotLoaded(nil))).first { $0.purpose.isFull })
        _ = answer(&state, full, (1...3).map { makeOrder($0) })
        let written = state.orders.snapshot(identity: identity, at: testNow, fields: state.loadedServerQuery?.fields ?? [])
        #expect(!written.header.fields.isEmpty && written.header.fields == full.query.fields)
        #expect(written.header.holds(fields: state.fullQuery().fields))
    }

    @Test func deltasAndDeletionsBringItUpToDate() throws {
        let orders = (1...20).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let requests = loads(effects)
        _ = effects
        let delta = try #require(requests.first { $0.purpose == .poll })
        let sweep = try #require(requests.first { $0.purpose == .uuidSweep })
        // On the server: 3 was deleted, 4 is no longer visible, 5 was approved, 21 is new.
        var approved = makeOrder(5, state: .pendingProvider, modified: testNow)
        approved.cost = Money(text: "99")
        let created = makeOrder(21, created: testNow.addingTimeInterval(-60))
        let listed = (orders.map(\.uuid).filter { $0 != uuid(3) && $0 != uuid(4) } + [created.uuid]).map { Order(uuid: $0) }
        // The sweep's pages are never merged: uuid-only orders must not blank the rows.
        let afterSweep = answer(&state, sweep, listed)
        #expect(afterSweep.isEmpty)
        #expect(state.row(for: uuid(1))?.offering == "Basic VM")
        #expect(state.cachedSince != nil, "still cached until the delta is in")
        let done = answer(&state, delta, [approved, created])
        #expect(state.cachedSince == nil && state.hasLoaded)
        #expect(state.rowIndex(uuid(3)) == nil && state.rowIndex(uuid(4)) == nil)
        #expect(state.row(for: uuid(5))?.state == .pendingProvider)
        #expect(state.row(for: uuid(21)) != nil)
        #expect(state.loadedCount == 19)
        #expect(done.contains(.writeSnapshot))
        #expect(state.snapshotTime == testNow, "fresh as of the start of the delta and the sweep")
    }

    @Test("a warm start counts the names interval from its own start: its reconciles are sweeps until one interval has passed")
    func aWarmStartDelaysTheNamesReloadByOneInterval() throws {
        let orders = (1...20).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        finishLoads(&state, effects, full: orders)
        #expect(state.cachedSince == nil && state.hasLoaded)
        let config = state.configuration
        let reconcile = reduce(&state, .tick(now: testNow.addingTimeInterval(config.reconcileInterval + 1)))
        #expect(loads(reconcile).contains { $0.purpose == .uuidSweep }, "\(loads(reconcile).map(\.purpose))")
        #expect(!loads(reconcile).contains { $0.purpose.isFull }, "the snapshot's names are not reloaded at once")
        finishLoads(&state, reconcile, full: orders)
        let later = reduce(&state, .tick(now: testNow.addingTimeInterval(config.namesReloadInterval + 1)))
        #expect(loads(later).contains { $0.purpose == .full(reconcile: true) }, "\(loads(later).map(\.purpose))")
    }

    @Test("delta in and the server's count equal to the rows held: fresh before the sweep's last page, written after it")
    func freshOnTheCountBeforeTheSweepEnds() throws {
        let orders = (1...20).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        var approved = makeOrder(5, state: .pendingProvider, modified: testNow)
        approved.cost = Money(text: "99")
        _ = answer(&state, delta, [approved])
        #expect(state.cachedSince != nil, "the count is not known yet")
        // The sweep's first page: 10 of the server's 20.
        let firstPage = reduce(&state, .pageLoaded(id: sweep.id, orders: orders.prefix(10).map { Order(uuid: $0.uuid) }, totalCount: 20))
        #expect(state.cachedSince == nil && state.hasLoaded, "fresh: the delta is in and the counts agree")
        #expect(state.row(for: uuid(5))?.state == .pendingProvider)
        #expect(!firstPage.contains(.writeSnapshot) && state.snapshotTime == nil, "not written while the sweep still pages")
        #expect(state.refresh.nextPollAt != nil, "refreshes start")
        _ = reduce(&state, .pageLoaded(id: sweep.id, orders: orders.suffix(10).map { Order(uuid: $0.uuid) }, totalCount: 20))
        let done = reduce(&state, .loadFinished(id: sweep.id))
        #expect(state.loadedCount == 20)
        #expect(done.contains(.writeSnapshot))
        #expect(state.snapshotTime == testNow)
    }

    @Test("one order deleted and another become visible unchanged: the counts agree, the sweep still finds both")
    func theSweepStillReconcilesAfterFreshOnTheCount() throws {
        let orders = (1...8).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        _ = answer(&state, delta, [])
        let listed = (orders.map(\.uuid).filter { $0 != uuid(3) } + [uuid(40)]).map { Order(uuid: $0) }
        _ = reduce(&state, .pageLoaded(id: sweep.id, orders: Array(listed.prefix(4)), totalCount: 8))
        #expect(state.cachedSince == nil, "8 held, 8 on the server")
        _ = reduce(&state, .pageLoaded(id: sweep.id, orders: Array(listed.suffix(4)), totalCount: 8))
        let done = reduce(&state, .loadFinished(id: sweep.id))
        #expect(state.rowIndex(uuid(3)) == nil, "the deleted order is gone")
        #expect(loads(done).contains { $0.purpose == .full(reconcile: true) }, "the newly visible one is loaded")
    }

    @Test("counts that differ keep the rows marked cached until the sweep has listed everything")
    func countsThatDifferWaitForTheSweep() throws {
        let orders = (1...6).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        _ = reduce(&state, .pageLoaded(id: sweep.id, orders: orders.prefix(3).map { Order(uuid: $0.uuid) }, totalCount: 5))
        _ = answer(&state, delta, [])
        #expect(state.cachedSince != nil, "6 held, 5 on the server: not fresh yet")
        _ = reduce(&state, .pageLoaded(id: sweep.id, orders: orders[3..<5].map { Order(uuid: $0.uuid) }, totalCount: 5))
        _ = reduce(&state, .loadFinished(id: sweep.id))
        #expect(state.cachedSince == nil && state.loadedCount == 5 && state.rowIndex(uuid(6)) == nil)
    }

    @Test func anOrderCreatedWhileTheSweepPagedStays() throws {
        let orders = (1...5).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        let late = makeOrder(6, created: testNow.addingTimeInterval(1))
        _ = answer(&state, delta, [late])
        _ = answer(&state, sweep, orders.map { Order(uuid: $0.uuid) })
        #expect(state.row(for: uuid(6)) != nil)
    }

    @Test func anOrderThatBecameVisibleUnchangedStartsAFullReconcile() throws {
        let orders = (1...5).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        _ = answer(&state, delta, [])
        let done = answer(&state, sweep, (orders.map(\.uuid) + [uuid(40)]).map { Order(uuid: $0) })
        #expect(loads(done).contains { $0.purpose == .full(reconcile: true) })
        #expect(!done.contains(.writeSnapshot), "written when that load ends")
        #expect(state.messages.last?.text.contains("1 order became visible") == true)
    }

    @Test func aFailedSweepKeepsTheRowsAndReconcilesLater() throws {
        let orders = (1...5).map { makeOrder($0) }
        var (state, effects) = warmState(orders)
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        let failed = reduce(&state, .loadFailed(id: sweep.id, error: .transport(.connectionRefused, detail: "test")))
        #expect(failed == [.cancelLoad(id: delta.id)])
        #expect(state.loadedCount == 5 && state.cachedSince == written && state.refresh.isStale)
        #expect(state.snapshotTime == nil, "cached rows are never written back as fresh")
        let later = reduce(&state, .tick(now: testNow.addingTimeInterval(3600)))
        #expect(loads(later).contains { $0.purpose == .full(reconcile: true) })
    }

    @Test func actionsWaitForTheServersCurrentState() throws {
        let orders = (1...5).map { makeOrder($0) }
        var (state, _) = warmState(orders)
        let target = uuid(2)
        let refused = state.availability(of: .approve, for: target)
        #expect(refused.endpoint == nil)
        #expect(refused.reason?.contains("local snapshot") == true)
        // The detail view's fetch is the server's current state: it moved on to pending-provider.
        var now = makeOrder(2, state: .pendingProvider, modified: testNow)
        now.uuid = target
        _ = reduce(&state, .orderRetrieved(now))
        let allowed = state.availability(of: .approve, for: target)
        #expect(allowed.reason?.contains("local snapshot") != true)
        #expect(state.row(for: target)?.state == .pendingProvider)
    }

    @Test func withoutASnapshotTheFullLoadRuns() {
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(nil))
        let effects = reduce(&state, .snapshotLoaded(nil))
        #expect(loads(effects).contains { $0.purpose == .full(reconcile: false) })
        #expect(state.cachedSince == nil)
    }

    @Test func onlyAnUnfilteredFreshListIsWritten() {
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(nil))
        let first = reduce(&state, .snapshotLoaded(nil))
        finishLoads(&state, first, full: (1...5).map { makeOrder($0) })
        #expect(state.snapshotTime == testNow)
        _ = reduce(&state, .setFilterText("state:erred"))
        let reload = reduce(&state, .reload)
        finishLoads(&state, reload, full: [])
        #expect(state.loadedServerQuery?.state == [.erred])
        #expect(state.snapshotTime == nil, "a server-filtered list is not everything")
        let off = loadedState((1...5).map { makeOrder($0) })
        #expect(off.snapshotTime == nil, "turned off")
    }
}

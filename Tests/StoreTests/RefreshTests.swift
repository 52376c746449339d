import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct RefreshTests {
    let orders = [makeOrder(1), makeOrder(2, state: .executing), makeOrder(3, state: .done)]

    func loaded(_ config: StoreConfiguration = StoreConfiguration()) -> AppState {
        var s = loadedState(orders, configuration: config)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        return s
    }

    @Test func pollsEveryIntervalForModifiedOrdersWithOverlap() {
        var s = loaded()
        #expect(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(5)))).isEmpty)
        let requests = loads(reduce(&s, .tick(now: testNow.addingTimeInterval(10))))
        let poll = requests.first { $0.purpose == .poll }
        #expect(poll?.query.modified == testNow.addingTimeInterval(-5))
        #expect(poll?.query.fields == OrderRow.listFields)
        #expect(requests.count == 1, "an idle tick is one request: \(requests.map(\.purpose))")
        // No second poll while one runs.
        #expect(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(30)))).isEmpty)
    }

    @Test("a poll that brings orders is followed by the Needs me queries for the same interval; an empty one is not")
    func needsMeFollowsOnlyAPollThatBroughtOrders() throws {
        var s = loaded()
        let quiet = try #require(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(10)))).first { $0.purpose == .poll })
        _ = reduce(&s, .pageLoaded(id: quiet.id, orders: [], totalCount: 0))
        #expect(loads(reduce(&s, .loadFinished(id: quiet.id))).isEmpty, "nothing changed: no Needs me query")
        let busy = try #require(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(20)))).first { $0.purpose == .poll })
        var changed = orders[0]
        changed.modified = testNow.addingTimeInterval(18)
        _ = reduce(&s, .pageLoaded(id: busy.id, orders: [changed], totalCount: 1))
        let followUps = loads(reduce(&s, .loadFinished(id: busy.id)))
        #expect(followUps.count == 2)
        #expect(followUps.contains { $0.purpose == .needsMeConsumer(incremental: true) && $0.query.modified == busy.query.modified })
        #expect(followUps.contains { $0.purpose == .needsMeProvider(incremental: true) && $0.query.modified == busy.query.modified })
    }

    @Test func zeroIntervalDisablesAndPauseStops() {
        var off = loaded(StoreConfiguration(refreshInterval: 0))
        #expect(loads(reduce(&off, .tick(now: testNow.addingTimeInterval(3600)))).isEmpty)
        #expect(off.refreshText == "refresh off")
        var s = loaded()
        _ = reduce(&s, .toggleRefreshPaused)
        #expect(s.refreshText == "refresh paused")
        #expect(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(60)))).isEmpty)
        _ = reduce(&s, .toggleRefreshPaused)
        #expect(!loads(reduce(&s, .tick(now: testNow.addingTimeInterval(61)))).isEmpty)
    }

    @Test func pollMergesAndFlagsNewAndChanged() {
        var s = loaded()
        let effects = reduce(&s, .tick(now: testNow.addingTimeInterval(10)))
        var changed = orders[1]
        changed.state = .done
        changed.modified = testNow.addingTimeInterval(8)
        let fresh = makeOrder(9, created: testNow.addingTimeInterval(9))
        finishLoads(&s, effects, full: [], poll: [changed, fresh])
        #expect(s.visibleNumbers == [9, 1, 2, 3])
        #expect(s.row(for: uuid(9))?.isNew == true)
        #expect(s.row(for: uuid(2))?.isChanged == true)
        #expect(s.row(for: uuid(2))?.state == .done)
        #expect(s.row(for: uuid(1))?.isChanged == false)
        _ = reduce(&s, .clearHighlights)
        #expect(s.row(for: uuid(9))?.isNew == false)
        #expect(s.row(for: uuid(2))?.isChanged == false)
        // The next poll asks from this poll's start.
        let next = loads(reduce(&s, .tick(now: testNow.addingTimeInterval(20)))).first { $0.purpose == .poll }
        #expect(next?.query.modified == testNow.addingTimeInterval(5))
    }

    @Test func failedPollMarksStaleKeepsDataAndBacksOff() {
        var s = loaded()
        var t = testNow.addingTimeInterval(10)
        var waits: [TimeInterval] = []
        for _ in 0..<4 {
            let effects = reduce(&s, .tick(now: t))
            guard let poll = loads(effects).first(where: { $0.purpose == .poll }) else {
                Issue.record("no poll at \(t)")
                return
            }
            for r in loads(effects) where r.purpose != .poll { _ = reduce(&s, .loadFinished(id: r.id)) }
            _ = reduce(&s, .loadFailed(id: poll.id, error: .transport(.connectionRefused, detail: "")))
            #expect(s.loadedCount == 3)
            #expect(s.refresh.isStale)
            let next = s.refresh.nextPollAt
            #expect(next != nil)
            waits.append(next.map { $0.timeIntervalSince(t) } ?? 0)
            t = next ?? t
        }
        #expect(waits == [20, 40, 80, 160])
        #expect(s.statusLine?.text.contains("stale") == true)
        #expect(s.statusLine?.text.contains("connection was refused") == true)
        // Success clears the staleness.
        let effects = reduce(&s, .tick(now: t))
        finishLoads(&s, effects, full: [], poll: [])
        #expect(!s.refresh.isStale)
    }

    @Test("a reconcile is a delta and a uuid sweep, not a full load: it drops vanished orders and flags new ones")
    func reconcileDropsVanishedOrdersAndFlagsNewOnes() throws {
        var s = loaded(StoreConfiguration(reconcileInterval: 60))
        let effects = reduce(&s, .tick(now: testNow.addingTimeInterval(60)))
        #expect(loads(effects).map(\.purpose) == [.poll, .uuidSweep, .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false)])
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        #expect(sweep.query.fields == ["uuid"])
        var seven = makeOrder(7)
        seven.modified = testNow.addingTimeInterval(30)
        finishLoads(&s, effects, full: [orders[0], seven], poll: [seven])
        #expect(Set(s.visibleNumbers) == [1, 7])
        #expect(s.row(for: uuid(7))?.isNew == true)
        // Done: the next tick is a poll, and the reconcile is due again only after its interval.
        let next = loads(reduce(&s, .tick(now: testNow.addingTimeInterval(75))))
        #expect(next.map(\.purpose) == [.poll])
    }

    @Test("every order is loaded again once the names interval has passed (renames do not change modified)")
    func namesAreReloadedAfterTheirInterval() throws {
        var s = loaded(StoreConfiguration(reconcileInterval: 60, namesReloadInterval: 120))
        let first = reduce(&s, .tick(now: testNow.addingTimeInterval(60)))
        #expect(!loads(first).contains { $0.purpose.isFull })
        finishLoads(&s, first, full: orders)
        let second = reduce(&s, .tick(now: testNow.addingTimeInterval(125)))
        #expect(loads(second).contains { $0.purpose == .full(reconcile: true) }, "\(loads(second).map(\.purpose))")
        var renamed = orders
        renamed[0].projectName = "Project Renamed"
        finishLoads(&s, second, full: renamed)
        #expect(s.row(for: orders[0].uuid)?.project == "Project Renamed")
    }

    @Test("a sweep slower than the refresh interval: ticks start nothing until it ends")
    func aRunningSweepHoldsTheNextTick() throws {
        var s = loaded(StoreConfiguration(refreshInterval: 10, reconcileInterval: 60))
        let effects = reduce(&s, .tick(now: testNow.addingTimeInterval(60)))
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        _ = reduce(&s, .pageLoaded(id: delta.id, orders: [], totalCount: 0))
        _ = reduce(&s, .loadFinished(id: delta.id))
        #expect(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(75)))).isEmpty, "the sweep still pages")
        _ = reduce(&s, .pageLoaded(id: sweep.id, orders: orders, totalCount: orders.count))
        _ = reduce(&s, .loadFinished(id: sweep.id))
        #expect(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(90)))).map(\.purpose) == [.poll], "then polls, not another reconcile")
    }

    @Test("an order the sweep lists that no load brought (made visible unchanged) is loaded by a full load")
    func reconcileLoadsOrdersMadeVisibleUnchanged() throws {
        var s = loaded(StoreConfiguration(reconcileInterval: 60))
        let effects = reduce(&s, .tick(now: testNow.addingTimeInterval(60)))
        let delta = try #require(loads(effects).first { $0.purpose == .poll })
        let sweep = try #require(loads(effects).first { $0.purpose == .uuidSweep })
        _ = reduce(&s, .pageLoaded(id: delta.id, orders: [], totalCount: 0))
        _ = reduce(&s, .loadFinished(id: delta.id))
        _ = reduce(&s, .pageLoaded(id: sweep.id, orders: orders + [makeOrder(8)], totalCount: orders.count + 1))
        let after = loads(reduce(&s, .loadFinished(id: sweep.id)))
        #expect(after.contains { $0.purpose == .full(reconcile: true) })
        #expect(s.messages.last?.text == "1 order became visible without changing; loading them")
    }

    @Test func progressAndFirstPageShownWhileTheRestArrive() {
        var s = AppState(now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let effects = reduce(&s, .persistedSortLoaded(nil))
        guard let full = loads(effects).first(where: { $0.purpose == .full(reconcile: false) }) else {
            Issue.record("no load")
            return
        }
        _ = reduce(&s, .pageLoaded(id: full.id, orders: [makeOrder(1), makeOrder(2)], totalCount: 10_000))
        #expect(s.loadProgress?.text == "loading 2 of 10,000")
        #expect(s.statusLine?.text == "loading 2 of 10,000")
        #expect(s.queueCounts[s.queueIndex("All")] == 2)
        #expect(s.row(for: uuid(1))?.isNew == false)
        _ = reduce(&s, .pageLoaded(id: full.id, orders: (3...3400).map { makeOrder($0) }, totalCount: nil))
        #expect(s.loadProgress?.text == "loading 3,400 of 10,000")
        _ = reduce(&s, .loadFinished(id: full.id))
        #expect(s.loadProgress == nil)
        #expect(s.hasLoaded)
    }

    @Test func supersededLoadsAreIgnored() {
        var s = AppState(now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let first = loads(reduce(&s, .persistedSortLoaded(nil))).first { $0.purpose == .full(reconcile: false) }
        let second = reduce(&s, .reload)
        #expect(second.contains(.cancelLoad(id: first?.id ?? -1)))
        _ = reduce(&s, .pageLoaded(id: first?.id ?? -1, orders: [makeOrder(1)], totalCount: 1))
        #expect(s.loadedCount == 0)
        finishLoads(&s, second, full: [makeOrder(2)])
        _ = reduce(&s, .loadFinished(id: first?.id ?? -1))
        #expect(s.loadedCount == 1)
    }

    @Test func failedFirstLoadKeepsNothingButSaysWhy() {
        var s = AppState(now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let full = loads(reduce(&s, .persistedSortLoaded(nil))).first { $0.purpose == .full(reconcile: false) }
        _ = reduce(&s, .loadFailed(id: full?.id ?? -1, error: .http(status: 401, serverMessage: "Invalid token.", retryAfter: nil)))
        #expect(s.messages.last?.text.contains("Invalid token.") == true)
        #expect(s.loadProgress == nil)
    }
}

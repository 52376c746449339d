import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// When the list's load brings every order, the "Needs me" queries ask for uuids only: their answers flag the rows
/// the list brings (whichever arrives first) and never add rows of their own.
@Suite struct NeedsMeUUIDTests {
    let orders: [Order] = (1...8).map { makeOrder($0, state: $0 <= 3 ? .pendingConsumer : $0 <= 5 ? .pendingProvider : .executing) }

    /// The uuid-only answer a server gives for `orders`.
    func uuidsOnly(_ orders: [Order]) -> [Order] { orders.map { Order(uuid: $0.uuid) } }

    func started(_ config: StoreConfiguration = StoreConfiguration(isStaff: true)) -> (AppState, [LoadRequest]) {
        var s = AppState(configuration: config, now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let requests = loads(reduce(&s, .persistedSortLoaded(nil)))
        return (s, requests)
    }

    func request(_ requests: [LoadRequest], _ purpose: LoadPurpose) throws -> LoadRequest {
        try #require(requests.first { $0.purpose == purpose })
    }

    @Test("uuids answered before any list page: no rows appear, and the list's rows arrive flagged")
    func flagsWaitForTheirRows() throws {
        var (s, requests) = started()
        let consumer = try request(requests, .needsMeConsumer(incremental: false))
        let provider = try request(requests, .needsMeProvider(incremental: false))
        #expect(consumer.query.fields == ["uuid"] && provider.query.fields == ["uuid"])
        _ = reduce(&s, .pageLoaded(id: consumer.id, orders: uuidsOnly([orders[0], orders[2]]), totalCount: 2))
        _ = reduce(&s, .loadFinished(id: consumer.id))
        _ = reduce(&s, .pageLoaded(id: provider.id, orders: uuidsOnly([orders[3]]), totalCount: 1))
        _ = reduce(&s, .loadFinished(id: provider.id))
        #expect(s.orders.count == 0, "a uuid is not a row")
        #expect(s.needsMeAwaiting.count == 3)
        let full = try request(requests, .full(reconcile: false))
        // The list's pages arrive in two halves: each row gets its flag as it comes.
        _ = reduce(&s, .pageLoaded(id: full.id, orders: Array(orders.prefix(2)), totalCount: orders.count))
        #expect(s.count(of: "Needs me") == 1)
        _ = reduce(&s, .pageLoaded(id: full.id, orders: Array(orders.dropFirst(2)), totalCount: orders.count))
        _ = reduce(&s, .loadFinished(id: full.id))
        #expect(s.count(of: "Needs me") == 3)
        #expect(s.needsMeAwaiting.isEmpty)
        _ = reduce(&s, .selectQueue(s.queueIndex("Needs me")))
        #expect(Set(s.visibleNumbers) == [1, 3, 4])
        // Full rows are what the list loaded, not the uuid-only answers.
        #expect(s.visibleRow(at: 0)?.offering == "Basic VM")
    }

    @Test("uuids answered after the list: the held rows are flagged page by page, before the query finishes")
    func heldRowsAreFlaggedAtOnce() throws {
        var (s, requests) = started()
        let full = try request(requests, .full(reconcile: false))
        _ = reduce(&s, .pageLoaded(id: full.id, orders: orders, totalCount: orders.count))
        _ = reduce(&s, .loadFinished(id: full.id))
        #expect(s.count(of: "Needs me") == 0)
        let provider = try request(requests, .needsMeProvider(incremental: false))
        _ = reduce(&s, .pageLoaded(id: provider.id, orders: uuidsOnly([orders[3], orders[4]]), totalCount: 3))
        #expect(s.count(of: "Needs me") == 2)
        #expect(s.orders.count == orders.count, "no row added or replaced by a uuid")
        #expect(s.needsMeAwaiting.isEmpty)
    }

    @Test("the whole set of a flag replaces the old one: rows it leaves out lose it, awaited uuids it leaves out are dropped")
    func aFinishedSetClearsWhatItDoesNotList() throws {
        var s = loadedState(orders, needsMeProvider: [orders[3], orders[4]], configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        #expect(s.count(of: "Needs me") == 2)
        // A reconcile's "Needs me" query now lists order 4 and an order no load has brought (9).
        let reconcileEffects = reduce(&s, .reload)
        let provider = try request(loads(reconcileEffects), .needsMeProvider(incremental: false))
        #expect(provider.query.fields == ["uuid"])
        let nine = makeOrder(9, state: .pendingProvider)
        _ = reduce(&s, .pageLoaded(id: provider.id, orders: uuidsOnly([orders[3], nine]), totalCount: 2))
        _ = reduce(&s, .loadFinished(id: provider.id))
        #expect(s.count(of: "Needs me") == 1, "order 5 left the set")
        #expect(s.needsMeAwaiting == [RowKey(nine.uuid): OrderRow.needsMeProviderFlag])
        // A poll brings order 9: it arrives in "Needs me".
        _ = s.merge([nine], purpose: .poll, flagChanges: true)
        #expect(s.count(of: "Needs me") == 2)
        #expect(s.needsMeAwaiting.isEmpty)
    }

    @Test("after a poll, the incremental queries ask for uuids and flag the poll's rows")
    func incrementalQueriesFlagThePollsRows() throws {
        var s = loadedState(orders, configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        let poll = try #require(loads(reduce(&s, .tick(now: testNow.addingTimeInterval(11)))).first { $0.purpose == .poll })
        var changed = orders[1]
        changed.modified = testNow.addingTimeInterval(9)
        _ = reduce(&s, .pageLoaded(id: poll.id, orders: [changed], totalCount: 1))
        let followUps = loads(reduce(&s, .loadFinished(id: poll.id)))
        let consumer = try request(followUps, .needsMeConsumer(incremental: true))
        #expect(consumer.query.fields == ["uuid"])
        _ = reduce(&s, .pageLoaded(id: consumer.id, orders: uuidsOnly([changed]), totalCount: 1))
        _ = reduce(&s, .loadFinished(id: consumer.id))
        #expect(s.count(of: "Needs me") == 1)
        _ = reduce(&s, .selectQueue(s.queueIndex("Needs me")))
        #expect(s.visibleNumbers == [2])
    }

    @Test("a list narrowed on the server: the queries carry the list's fields and their orders become rows")
    func aServerFilterKeepsFullNeedsMeAnswers() throws {
        var s = loadedState(orders, configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        _ = reduce(&s, .setFilterText("state:executing"))
        let requests = loads(reduce(&s, .reload))
        let full = try request(requests, .full(reconcile: false))
        #expect(full.query.state == [.executing], "the precondition: the server narrows the list")
        let consumer = try request(requests, .needsMeConsumer(incremental: false))
        #expect(consumer.query.fields == full.query.fields)
        let outside = makeOrder(20, state: .pendingConsumer)
        _ = reduce(&s, .pageLoaded(id: consumer.id, orders: [outside], totalCount: 1))
        #expect(s.orders.rowIndex(outside.uuid) != nil, "an order the narrowed list will not bring is merged from this answer")
    }

    /// Also what decides whether the loaded rows may be written as the snapshot (a `modified>` term narrows too).
    @Test func onlyAnUnfilteredQueryListsEveryOrder() {
        var q = OrderListQuery()
        q.fields = ["uuid", "state"]
        q.ordering = ["-created"]
        q.pageSize = 200
        #expect(AppState.listsEveryOrder(q))
        for narrow: (inout OrderListQuery) -> Void in [{ $0.state = [.erred] }, { $0.query = "vm" }, { $0.projectUUID = uuid(1) },
                                                      { $0.created = testNow }, { $0.modified = testNow }, { $0.offeringType = ["x"] }] {
            var n = q
            narrow(&n)
            #expect(!AppState.listsEveryOrder(n))
        }
    }
}

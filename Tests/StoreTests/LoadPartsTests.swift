import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// A full load asks each group of states for only the fields its queues' columns show; a sort or filter on a field
/// is loaded for every state; orders in a state no part asks for are never lost.
@MainActor
@Suite struct LoadPartsTests {
    static let pendingAndClosed: [OrderState] = [.pendingConsumer, .pendingProvider, .pendingProject, .canceled, .rejected]
    static let running: [OrderState] = [.executing, .done, .erred]
    static let columns = ["state", "type", "cost", "created", "offering_name", "project_name", "resource_name", "created_by_full_name"]

    /// The built-in queues' shape: the creator where pending and closed orders show, the resource where running ones do.
    static var config: StoreConfiguration {
        var byState: [OrderState: [String]] = [:]
        for state in pendingAndClosed + [.pendingStartDate] { byState[state] = columns.filter { $0 != "resource_name" } }
        for state in running { byState[state] = columns.filter { $0 != "created_by_full_name" } }
        return StoreConfiguration(isStaff: true, refreshInterval: 10, columnFields: columns, stateColumnFields: byState)
    }

    func fullLoad(_ effects: [Effect]) throws -> LoadRequest {
        try #require(loads(effects).first { $0.purpose.isFull })
    }

    @Test func eachGroupOfStatesAsksForItsOwnFields() throws {
        var s = AppState(configuration: Self.config, now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let full = try fullLoad(reduce(&s, .persistedSortLoaded(nil)))
        #expect(full.query.fields.contains("resource_name") && full.query.fields.contains("created_by_full_name"), "the query is the union")
        // pending-start-date in a part of its own: the 2024-10 server's filter refuses it.
        #expect(full.parts.map(\.state) == [Self.pendingAndClosed, [.pendingStartDate], Self.running])
        #expect(full.parts[0].fields.contains("created_by_full_name") && !full.parts[0].fields.contains("resource_name"))
        #expect(full.parts[1].fields == full.parts[0].fields)
        #expect(full.parts[2].fields.contains("resource_name") && !full.parts[2].fields.contains("created_by_full_name"))
        #expect(full.parts.allSatisfy { Set(ListFields.base).isSubset(of: $0.fields) && $0.ordering == full.query.ordering })
    }

    @Test("a sort on a column one group lacks reloads it for every state; loaded, it does not reload again")
    func aSortOnAColumnSomeStatesLackLoadsItForAll() throws {
        var s = loadedState([makeOrder(1), makeOrder(2, state: .done)], configuration: Self.config)
        let reload = try fullLoad(reduce(&s, .sort(by: .resource, ascending: true)))
        #expect(s.messages.last?.text == "loading resource_name for the sort")
        #expect(reload.parts.count == 3 && reload.parts.allSatisfy { $0.fields.contains("resource_name") })
        finishLoads(&s, [.load(reload)], full: [makeOrder(1), makeOrder(2, state: .done)])
        #expect(loads(reduce(&s, .sort(by: .resource, ascending: false))).isEmpty)
    }

    @Test("a filter on the creator loads it for running orders too; no parts when every state then needs the same")
    func aFilterCanMakeTheGroupsOne() throws {
        var s = loadedState([makeOrder(1)], configuration: Self.config)
        _ = reduce(&s, .sort(by: .resource, ascending: true))
        let effects = reduce(&s, .setFilterText("by:carol"))
        let reload = try fullLoad(effects)
        #expect(reload.parts.isEmpty, "resource (sort) and creator (filter) are needed everywhere: one query")
        #expect(reload.query.fields.contains("created_by_full_name") && reload.query.fields.contains("resource_name"))
    }

    @Test func aServerStateFilterKeepsOnlyItsStatesParts() throws {
        var s = loadedState([makeOrder(1)], configuration: Self.config)
        _ = reduce(&s, .setFilterText("state:erred"))
        let reload = try fullLoad(reduce(&s, .reload))
        #expect(reload.parts.map(\.state) == [[.erred]])
        #expect(reload.parts.first?.fields.contains("created_by_full_name") == false)
    }

    @Test("the runtime asks the parts, each page counting towards the whole, and never the whole query as well")
    func theRuntimeListsThePartsOnly() async {
        let orders = (1...6).map { makeOrder($0, state: $0 % 2 == 0 ? .done : .pendingConsumer) }
        let fake = FakeOrderService(orders)
        let store = Store(service: fake, configuration: Self.config, clock: { testNow })
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 6)
        let lists = fake.listQueries.filter { $0.canApproveAsConsumer == nil && $0.canApproveAsProvider == nil }
        #expect(lists.map(\.state) == [Self.pendingAndClosed, Self.running], "the empty pending-start-date part is not listed")
        #expect(fake.countQueries.count == 4, "the whole and each part, counted first")
    }

    @Test("a server that refuses a state (the 2024-10 Waldur: pending-start-date) is asked the other parts")
    func aRefusedStatesPartIsLeftOut() async {
        let orders = (1...6).map { makeOrder($0, state: $0 % 2 == 0 ? .done : .pendingConsumer) }
        let fake = FakeOrderService(orders)
        fake.refusedStates = [.pendingStartDate]
        let store = Store(service: fake, configuration: Self.config, clock: { testNow })
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 6)
        #expect(store.state.statusLine?.level != .error, "\(String(describing: store.state.statusLine?.text))")
        let lists = fake.listQueries.filter { $0.canApproveAsConsumer == nil && $0.canApproveAsProvider == nil }
        #expect(lists.map(\.state) == [Self.pendingAndClosed, Self.running])
    }

    @Test("orders in a newer state are loaded in their own part on a server that knows it")
    func aNewerStatesPartIsListedWhenItHoldsOrders() async {
        let orders = [makeOrder(1, state: .pendingStartDate), makeOrder(2, state: .done)]
        let fake = FakeOrderService(orders)
        let store = Store(service: fake, configuration: Self.config, clock: { testNow })
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 2)
        let lists = fake.listQueries.filter { $0.canApproveAsConsumer == nil && $0.canApproveAsProvider == nil }
        #expect(lists.map(\.state) == [[.pendingStartDate], Self.running], "the empty pending-and-closed part is not listed")
    }

    @Test("an order in a state no part asks for (a newer server's) is loaded: the whole query is listed instead")
    func anUnknownStateFallsBackToTheWholeQuery() async {
        var orders = (1...4).map { makeOrder($0, state: .executing) }
        orders.append(makeOrder(5, state: .unknown("pending-review")))
        let fake = FakeOrderService(orders)
        let store = Store(service: fake, configuration: Self.config, clock: { testNow })
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 5)
        #expect(store.state.row(for: uuid(5)) != nil)
        let lists = fake.listQueries.filter { $0.canApproveAsConsumer == nil && $0.canApproveAsProvider == nil }
        #expect(lists.map(\.state) == [[]], "one list: the whole query, with every field")
        #expect(lists.first?.fields.contains("resource_name") == true && lists.first?.fields.contains("created_by_full_name") == true)
    }
}

import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@MainActor
@Suite struct StoreRuntimeTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")

    func makeStore(_ service: FakeOrderService, _ config: StoreConfiguration = StoreConfiguration(refreshInterval: 10)) -> Store {
        Store(service: service, configuration: config, sortFile: SortFile(directory: dir), clock: { testNow })
    }

    /// Yields until `condition` holds (bounded; no wall-clock timing).
    func until(_ condition: () -> Bool) async {
        for _ in 0..<10_000 where !condition() { await Task.yield() }
    }

    @Test func loadsAllPagesAndTheNeedsMeQueries() async {
        let fake = FakeOrderService((1...5).map { makeOrder($0, state: $0 == 2 ? .pendingProvider : .pendingConsumer) })
        fake.consumerApprovable = [hex(1)]
        fake.providerApprovable = [hex(2)]
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 5)
        #expect(store.state.count(of: "Needs me") == 2)
        #expect(fake.listQueries.contains { $0.canApproveAsConsumer == true })
        #expect(fake.listQueries.contains { $0.canApproveAsProvider == true })
        // The selected order's full form was fetched for the detail view.
        #expect(store.state.detail?.sections.contains { $0.lines.contains { $0.text == "full order" } } == true)
    }

    @Test func slowFirstLoadIsSupersededByAReload() async {
        let fake = FakeOrderService([makeOrder(1)])
        let gate = Gate()
        fake.listGates[1] = gate
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        await until { fake.listQueries.count >= 3 }
        fake.orders = [makeOrder(2)]
        store.send(.reload)
        gate.open()
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 1)
        #expect(store.state.row(for: uuid(2)) != nil)
        #expect(store.state.row(for: uuid(1)) == nil)
    }

    @Test func outOfOrderDetailResponsesKeepTheSelectedDetail() async {
        let fake = FakeOrderService([makeOrder(1), makeOrder(2)])
        let gate = Gate()
        fake.retrieveGates[hex(1)] = gate
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        store.send(.selectQueue(store.state.queueIndex("All")))
        await until { fake.retrieved.contains(hex(1)) }
        store.send(.selectOrder(uuid(2)))
        await until { store.state.detailCache[uuid(2)] != nil }
        gate.open()
        await store.waitUntilIdle()
        #expect(store.state.selectedUUID == uuid(2))
        #expect(store.state.detail?.uuid == uuid(2))
        #expect(store.state.detailCache[uuid(1)] != nil)
    }

    @Test func failingPollKeepsDataThenRecovers() async {
        let fake = FakeOrderService([makeOrder(1), makeOrder(2)])
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        fake.listFailures = [.http(status: 503, serverMessage: "maintenance", retryAfter: nil)]
        store.send(.tick(now: testNow.addingTimeInterval(10)))
        await store.waitUntilIdle()
        #expect(store.state.refresh.isStale)
        #expect(store.state.loadedCount == 2)
        #expect(store.state.statusLine?.text.contains("maintenance") == true)
        fake.update(1) { $0.state = .executing; $0.modified = testNow.addingTimeInterval(15) }
        store.send(.tick(now: testNow.addingTimeInterval(30)))
        await store.waitUntilIdle()
        #expect(!store.state.refresh.isStale)
        #expect(store.state.row(for: uuid(1))?.state == .executing)
        #expect(store.state.row(for: uuid(1))?.isChanged == true)
    }

    @Test func bulkApproveWithBoundedConcurrencyAndAResultPerOrder() async {
        let orders = (1...5).map { makeOrder($0, state: .pendingProvider) }
        let fake = FakeOrderService(orders)
        fake.providerApprovable = Set(orders.map(\.uuid.hex))
        fake.actionFailures[hex(3)] = .http(status: 409, serverMessage: "Valid states for operation: pending-provider.", retryAfter: nil)
        let gate = Gate()
        fake.actionGate = gate
        let store = makeStore(fake, StoreConfiguration(refreshInterval: 10, actionConcurrency: 2))
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        store.send(.selectQueue(store.state.queueIndex("All")))
        store.send(.markAllVisible)
        store.send(.requestAction(.approve))
        #expect(store.state.confirmation?.summary == "approve 5 orders as provider → executing")
        store.send(.confirmAction)
        await until { fake.inFlightActions == 2 }
        #expect(fake.actionCalls.count == 2)
        store.send(.confirmAction) // a second submit does nothing
        store.send(.requestAction(.approve))
        #expect(store.state.confirmation == nil)
        gate.open()
        await store.waitUntilIdle()
        #expect(fake.maxInFlightActions == 2)
        #expect(fake.actionCalls.count == 5)
        #expect(store.state.lastResults.count == 5)
        #expect(store.state.row(for: uuid(1))?.state == .executing)
        #expect(store.state.row(for: uuid(3))?.state == .pendingProvider)
        #expect(store.state.lastResults.first { $0.uuid == uuid(3) }?.text.contains("Valid states") == true)
        #expect(store.state.pendingActions.isEmpty)
    }

    @Test func deleteRemovesTheOrderAfterTheServerConfirms() async {
        let fake = FakeOrderService([makeOrder(1), makeOrder(2)])
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        store.send(.selectQueue(store.state.queueIndex("All")))
        store.send(.selectOrder(uuid(1)))
        store.send(.requestAction(.delete))
        store.send(.confirmAction)
        await store.waitUntilIdle()
        #expect(store.state.row(for: uuid(1)) == nil)
        #expect(store.state.selectedUUID == uuid(2))
    }

    @Test func lostApproveIsReportedUnknownWithTheRefetchOutcome() async {
        let fake = FakeOrderService([makeOrder(1, state: .pendingProvider), makeOrder(2, state: .pendingProvider)])
        fake.providerApprovable = [hex(1), hex(2)]
        fake.actionFailures[hex(1)] = .transport(.connectionLost, detail: "connection reset")
        fake.actionFailures[hex(2)] = .transport(.timeout, detail: "timed out")
        let store = makeStore(fake)
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        store.send(.selectQueue(store.state.queueIndex("All")))
        store.send(.markAllVisible)
        store.send(.requestAction(.approve))
        await store.waitUntilIdle()
        // The first approve did reach the server: the re-fetch sees what the server has now.
        fake.update(1) { $0.state = .executing }
        fake.retrieveFailures[hex(2)] = .http(status: 503, serverMessage: "maintenance window", retryAfter: nil)
        store.send(.confirmAction)
        await store.waitUntilIdle()
        // Each POST went out once (never resent), and each order was re-fetched afterwards.
        #expect(fake.actionCalls.filter { $0.uuid == uuid(1) }.count == 1)
        #expect(fake.actionCalls.filter { $0.uuid == uuid(2) }.count == 1)
        #expect(store.state.row(for: uuid(1))?.state == .executing)
        let first = store.state.lastResults.first { $0.uuid == uuid(1) }?.text ?? ""
        #expect(first.contains("outcome unknown") && first.contains("now executing"), "\(first)")
        // The second re-fetch failed too: the line says why, and the list keeps the state the server last sent.
        let second = store.state.lastResults.first { $0.uuid == uuid(2) }?.text ?? ""
        #expect(second.contains("re-fetching failed too") && second.contains("maintenance window"), "\(second)")
        #expect(store.state.row(for: uuid(2))?.state == .pendingProvider)
        #expect(store.state.messages.last?.text.contains("2 outcome unknown") == true)
    }

    @Test func readOnlyStoreNeverCallsTheServer() async {
        let fake = FakeOrderService([makeOrder(1, state: .pendingConsumer)])
        fake.consumerApprovable = [hex(1)]
        let store = makeStore(fake, StoreConfiguration(readOnly: true))
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        for action in OrderAction.allCases {
            store.send(.requestAction(action))
            store.send(.confirmAction)
        }
        // Even an effect sent directly is refused by the store.
        store.run(.runActions(batch: 99, calls: [ActionCall(.approveByConsumer, uuid(1))], concurrency: 1))
        await store.waitUntilIdle()
        #expect(fake.actionCalls.isEmpty)
    }

    @Test func sortIsRememberedAcrossRestarts() async {
        let fake = FakeOrderService([makeOrder(1), makeOrder(2)])
        let first = makeStore(fake)
        first.start(tickEvery: nil)
        await first.waitUntilIdle()
        first.send(.sort(by: .cost, ascending: true))
        await first.waitUntilIdle()
        first.stop()
        let second = makeStore(fake)
        second.start(tickEvery: nil)
        await second.waitUntilIdle()
        #expect(second.state.sort == OrderSort(key: .cost, ascending: true))
        #expect(fake.listQueries.last { $0.canApproveAsConsumer == nil && $0.canApproveAsProvider == nil }?.ordering == ["cost"])
        try? FileManager.default.removeItem(at: dir)
    }
}

@Suite struct SortFileTests {
    // The XDG state directory is resolved in one place, `StatePaths` (Sources/Config), and tested there
    // (AppConfigFileTests): the same three cases this suite checked on the copy SortFile had.

    @Test func garbageReadsAsNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sortfile-\(UUID().uuidString)")
        let file = SortFile(directory: dir)
        #expect(file.read() == nil)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{\"sort\": {\"key\": \"bogus\", \"ascending\": true}}".utf8).write(to: file.url)
        #expect(file.read() == nil)
        try file.write(OrderSort(key: .state, ascending: false))
        #expect(file.read() == OrderSort(key: .state, ascending: false))
        try? FileManager.default.removeItem(at: dir)
    }
}

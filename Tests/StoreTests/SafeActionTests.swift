import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Issue 10 in the store: marks follow one rule, confirmations show what is at stake and what is out of view,
/// messages have lifetimes, and set erred keeps what it replaces.
@Suite struct SafeActionTests {
    static func providerState(_ orders: [Order]) -> AppState {
        var s = loadedState(orders, needsMeProvider: orders.filter { $0.state == .pendingProvider },
                            configuration: StoreConfiguration(username: "pat", refreshInterval: 10))
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        return s
    }

    static func run(_ s: inout AppState, _ action: OrderAction) -> (batch: Int, calls: [ActionCall]) {
        _ = reduce(&s, .requestAction(action))
        guard case let .runActions(batch, calls, _)? = reduce(&s, .confirmAction).first else { return (-1, []) }
        return (batch, calls)
    }

    static func done(_ order: Order, _ state: OrderState) -> Order {
        var o = order
        o.state = state
        o.modified = (o.modified ?? testNow).addingTimeInterval(60)
        return o
    }

    @Test("an order whose action succeeded is unmarked; a failed one stays marked with its reason")
    func marksFollowOutcomes() {
        let orders = (1...3).map { makeOrder($0, state: .pendingProvider, offering: "Basic VM") }
        var s = Self.providerState(orders)
        _ = reduce(&s, .markAllVisible)
        let (batch, calls) = Self.run(&s, .approve)
        #expect(calls.count == 3)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[0], outcome: .updated(Self.done(orders[0], .executing)), httpStatus: 200))
        let refused = WaldurError.http(status: 403, serverMessage: "You do not have permission to perform this action.", retryAfter: nil)
        let failed = calls.first { $0.uuid == uuid(2) } ?? calls[1]
        _ = reduce(&s, .actionCompleted(batch: batch, call: failed, outcome: .failed(refused), httpStatus: 403))
        let third = calls.first { $0.uuid == uuid(3) } ?? calls[2]
        _ = reduce(&s, .actionCompleted(batch: batch, call: third, outcome: .removed, httpStatus: 200))
        #expect(s.marked == [uuid(2)])
        #expect(s.markReasons[uuid(2)]?.contains("permission") == true)
        #expect(s.failedMarkCount == 1)
        // Every per-order result is in the log with its HTTP status and the server's sentence.
        let log = s.messages.map(\.text)
        #expect(log.contains { $0.contains("order \(hex(2))") && $0.contains("HTTP 403") && $0.contains("You do not have permission") })
        #expect(log.contains { $0.contains("order \(hex(1))") && $0.contains("HTTP 200") })
        // A later action on the remaining mark names only it.
        _ = reduce(&s, .requestAction(.approve))
        #expect(s.confirmation?.calls.map(\.uuid) == [uuid(2)])
    }

    @Test("marked orders outside the view are counted and listed apart in the confirmation")
    func marksOutsideTheView() {
        let orders = [makeOrder(1, state: .pendingProvider, offering: "Basic VM"), makeOrder(2, state: .pendingProvider, offering: "Basic VM"),
                      makeOrder(3, state: .pendingProvider, offering: "HPC")]
        var s = Self.providerState(orders)
        _ = reduce(&s, .setFilterText("offering:\"basic vm\""))
        _ = reduce(&s, .markAllVisible)
        #expect(s.markedOutsideView.isEmpty)
        _ = reduce(&s, .setFilterText("offering:hpc"))
        #expect(s.markedOutsideView == [uuid(1), uuid(2)])
        _ = reduce(&s, .requestAction(.approve))
        let c = try! #require(s.confirmation)
        #expect(Set(c.calls.map(\.uuid)) == [uuid(1), uuid(2)])
        #expect(c.hidden == [uuid(1), uuid(2)])
    }

    @Test("a bulk confirmation shows the count per side, the sum of the costs and the skipped orders with reasons")
    func bulkConfirmationShowsTheStake() {
        var orders = [makeOrder(1, state: .pendingConsumer, cost: "10.10"), makeOrder(2, state: .pendingProvider, cost: "0.05"),
                      makeOrder(3, state: .pendingProvider, cost: nil), makeOrder(4, state: .done, cost: "99")]
        orders[0].offeringType = "Marketplace.Basic"
        var s = loadedState(orders, needsMeConsumer: [orders[0]], needsMeProvider: [orders[1], orders[2]],
                            configuration: StoreConfiguration(username: "pat", refreshInterval: 10))
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .markAllVisible)
        _ = reduce(&s, .requestAction(.approve))
        let c = try! #require(s.confirmation)
        #expect(c.callsPerSide.map(\.side) == ["consumer", "provider"] && c.callsPerSide.map(\.count) == [1, 2])
        #expect(c.totalCost == Decimal(string: "10.15"))
        #expect(c.costedCount == 2)
        #expect(c.skipped.map(\.uuid) == [uuid(4)])
        #expect(c.skipped.first?.reason.contains("this one is done") == true)
    }

    @Test("information expires after a few seconds or at the next action; Esc retires all and resurrects nothing")
    func messageLifetimes() {
        var s = Self.providerState([makeOrder(1, state: .pendingProvider)])
        _ = reduce(&s, .requestAction(.approve))
        _ = reduce(&s, .confirmAction)
        #expect(s.statusLine?.text.hasSuffix("running") == true)
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(StatusMessage.infoLifetime + 1)))
        #expect(s.statusLine == nil, "info expired")
        _ = reduce(&s, .requestAction(.delete))
        #expect(s.statusLine != nil)
        _ = reduce(&s, .moveSelection(1))
        #expect(s.statusLine?.level != .info, "the next action retires information")
        // Two warnings, then Esc: none comes back.
        let t = testNow.addingTimeInterval(100)
        _ = reduce(&s, .tick(now: t))
        _ = reduce(&s, .orderRetrieveFailed(uuid(77), .http(status: 404, serverMessage: nil, retryAfter: nil)))
        _ = reduce(&s, .auditFailed("disk full"))
        #expect(s.statusLine?.text.contains("disk full") == true)
        _ = reduce(&s, .dismissMessage)
        #expect(s.statusLine == nil)
        _ = reduce(&s, .dismissMessage)
        #expect(s.statusLine == nil)
        #expect(s.messages.contains { $0.text.contains("disk full") }, "the log keeps it")
    }

    @Test("a load error stays until a later load succeeds; the log keeps the last 200 messages")
    func loadErrorsClearWhenLoadsWork() {
        var s = AppState(configuration: StoreConfiguration(refreshInterval: 10), now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let first = loads(reduce(&s, .persistedSortLoaded(nil)))
        for l in first {
            if case .full = l.purpose {
                _ = reduce(&s, .loadFailed(id: l.id, error: .transport(.connectionLost, detail: "network error")))
            } else {
                _ = reduce(&s, .loadFinished(id: l.id))
            }
        }
        #expect(s.statusLine?.text.contains("loading orders failed") == true)
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(600)))
        #expect(s.statusLine?.text.contains("loading orders failed") == true, "an error stays while it holds")
        finishLoads(&s, reduce(&s, .reload), full: [makeOrder(1)])
        #expect(s.statusLine == nil || s.statusLine?.text.contains("failed") == false)
        for i in 0..<250 { _ = reduce(&s, .orderRetrieveFailed(uuid(1000 + i), .http(status: 404, serverMessage: nil, retryAfter: nil))) }
        #expect(s.messages.count == AppState.messageLogLimit)
    }

    @Test("set erred shows the current message, warns that the server replaces both texts, and takes a traceback")
    func setErredConfirmation() {
        var erred = makeOrder(1, state: .erred, offeringType: "Marketplace.Slurm")
        erred.errorMessage = "Traceback: slurm job 42 failed"
        erred.errorTraceback = "Traceback (most recent call last):\n  File x\nError"
        var s = Self.providerState([erred])
        _ = reduce(&s, .orderRetrieved(erred))
        _ = reduce(&s, .requestAction(.setStateErred))
        let c = try! #require(s.confirmation)
        #expect(c.fields.map(\.prompt) == ["error message", "error traceback (optional)"])
        #expect(c.notes.contains { $0.contains("Current error message: Traceback: slurm job 42 failed") })
        #expect(c.notes.contains { $0.contains("replaces the error message and the traceback") })
        #expect(c.notes.contains { $0.contains("not executing") }, "an erred order keeps its state")
        _ = reduce(&s, .confirmAction)
        #expect(s.statusLine?.text == "set erred needs an error message")
        _ = reduce(&s, .setActionField(0, "Manual: slurmctld down"))
        _ = reduce(&s, .setActionField(1, "node n12 lost"))
        guard case let .runActions(_, calls, _)? = reduce(&s, .confirmAction).first else {
            Issue.record("nothing run")
            return
        }
        #expect(calls == [ActionCall(.setStateErred, uuid(1), text: "Manual: slurmctld down", traceback: "node n12 lost")])
    }
}

/// Set erred through the store and the audit log: what the server had before is recorded.
@MainActor
@Suite struct SetErredAuditTests {
    @Test("the audit entry records the error message and traceback the action replaced")
    func replacedTextsAreAudited() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("erred-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var erred = makeOrder(1, state: .erred, offeringType: "Marketplace.Slurm")
        erred.errorMessage = "slurm job 42 failed"
        erred.errorTraceback = "Traceback (most recent call last):\nError"
        let fake = FakeOrderService([erred])
        let log = FileAuditLog(directory: root, server: "w.example", user: "pat", redacting: [])
        let store = Store(service: fake, configuration: StoreConfiguration(username: "pat", refreshInterval: 10),
                          sortFile: SortFile(directory: root), clock: { testNow }, audit: log)
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        store.send(.selectQueue(store.state.queueIndex("All")))
        store.send(.selectOrder(uuid(1)))
        await store.waitUntilIdle()
        store.send(.requestAction(.setStateErred))
        store.send(.setActionField(0, "Manual: slurmctld down"))
        store.send(.confirmAction)
        await store.waitUntilIdle()
        let text = try String(contentsOf: root.appendingPathComponent("audit.log"), encoding: .utf8)
        let entry = try #require(AuditEntry(json: try JSONParser.parse(String(text.split(separator: "\n")[0]))))
        #expect(entry.text == "Manual: slurmctld down")
        #expect(entry.replaced == ReplacedTexts(errorMessage: "slurm job 42 failed", errorTraceback: "Traceback (most recent call last):\nError"))
        // The order shown is the one re-read from the server: still erred (it was not executing), with the new text.
        #expect(store.state.row(for: uuid(1))?.state == .erred)
        #expect(store.state.detailCache[uuid(1)]?.errorMessage == "Manual: slurmctld down")
        #expect(store.state.detailCache[uuid(1)]?.errorTraceback == "")
    }
}

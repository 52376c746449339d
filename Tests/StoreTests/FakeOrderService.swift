import Foundation
import WaldurClient
@testable import OrderStore

/// A gate a scripted call waits on until the test opens it.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if isOpen { lock.unlock(); c.resume(); return }
            waiters.append(c)
            lock.unlock()
        }
    }

    func open() {
        lock.lock()
        isOpen = true
        let w = waiters
        waiters = []
        lock.unlock()
        for c in w { c.resume() }
    }
}

/// A scripted server: a list of orders, per-call failures and gates, and a log of calls.
final class FakeOrderService: OrderService, @unchecked Sendable {
    private let lock = NSLock()
    private var _orders: [Order]
    var pageSize = 2
    /// When set, a list answers only the fields its query names (`field=`), as the server does.
    var trimsFields = false
    /// Orders the user may approve as consumer / provider (by uuid hex).
    var consumerApprovable: Set<String> = []
    var providerApprovable: Set<String> = []
    /// States the server's list filter refuses (HTTP 400), as the 2024-10 Waldur refuses pending-start-date.
    var refusedStates: Set<OrderState> = []
    /// The next list calls fail with these errors (first in, first out).
    var listFailures: [WaldurError] = []
    /// Gates for list calls by call number (1-based).
    var listGates: [Int: Gate] = [:]
    /// Gates for retrieve by uuid hex.
    var retrieveGates: [String: Gate] = [:]
    /// Errors for retrieve by uuid hex.
    var retrieveFailures: [String: WaldurError] = [:]
    /// Errors for actions by uuid hex.
    var actionFailures: [String: WaldurError] = [:]
    /// A gate every action waits on.
    var actionGate: Gate?
    // What the fake saw, written by the store's tasks under the lock; the tests read it through the getters below.
    private var _listQueries: [OrderListQuery] = []
    private var _countQueries: [OrderListQuery] = []
    private var _actionCalls: [ActionCall] = []
    private var _retrieved: [String] = []
    private var _inFlightActions = 0
    private var _maxInFlightActions = 0
    var listQueries: [OrderListQuery] { locked { _listQueries } }
    var countQueries: [OrderListQuery] { locked { _countQueries } }
    var actionCalls: [ActionCall] { locked { _actionCalls } }
    var retrieved: [String] { locked { _retrieved } }
    var inFlightActions: Int { locked { _inFlightActions } }
    var maxInFlightActions: Int { locked { _maxInFlightActions } }

    init(_ orders: [Order]) { _orders = orders }

    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var orders: [Order] {
        get { locked { _orders } }
        set { locked { _orders = newValue } }
    }

    func update(_ n: Int, _ change: (inout Order) -> Void) {
        locked {
            if let i = _orders.firstIndex(where: { $0.uuid == uuid(n) }) { change(&_orders[i]) }
        }
    }

    /// Whether `query` lists `o` (call under the lock).
    private func matches(_ o: Order, _ query: OrderListQuery) -> Bool {
        if !query.state.isEmpty, !query.state.contains(o.state ?? .unknown("")) { return false }
        if query.canApproveAsConsumer == true, !consumerApprovable.contains(o.uuid.hex) { return false }
        if query.canApproveAsProvider == true, !providerApprovable.contains(o.uuid.hex) { return false }
        if let m = query.modified, let om = o.modified, om < m { return false }
        if let p = query.projectUUID, o.projectUUID != p { return false }
        if let f = query.offeringUUID, o.offeringUUID != f { return false }
        return true
    }

    /// Counts without a list call of its own (gates and failures are by list call); logged in `countQueries`.
    func count(_ query: OrderListQuery) async throws(WaldurError) -> Int? {
        let (refused, count) = locked {
            _countQueries.append(query)
            return (query.state.contains(where: refusedStates.contains), _orders.filter { matches($0, query) }.count)
        }
        if refused { throw WaldurError.http(status: 400, serverMessage: "state: Select a valid choice.", retryAfter: nil) }
        return count
    }

    /// `order` with only the fields `query` names, when the fake trims.
    private func trimmed(_ order: Order, _ query: OrderListQuery) -> Order {
        guard trimsFields, !query.fields.isEmpty else { return order }
        var out = Order(uuid: order.uuid)
        Order.fields.copy(query.fields, from: order, to: &out)
        return out
    }

    /// Logs a list call and takes its scripted failure, its gate (by call number) and the orders it answers.
    private func listCall(_ query: OrderListQuery) -> (failure: WaldurError?, gate: Gate?, matching: [Order]) {
        locked {
            _listQueries.append(query)
            let failure = listFailures.isEmpty ? nil : listFailures.removeFirst()
            return (failure, listGates[_listQueries.count], _orders.filter { matches($0, query) }.map { trimmed($0, query) })
        }
    }

    /// One page, logged as a list call (gates and failures apply).
    func firstPage(_ query: OrderListQuery) async throws(WaldurError) -> OrderPage {
        let (failure, gate, matching) = listCall(query)
        if let gate { await gate.wait() }
        if let failure { throw failure }
        let size = query.pageSize ?? pageSize
        let start = ((query.page ?? 1) - 1) * size
        return OrderPage(orders: Array(matching.dropFirst(start).prefix(size)), totalCount: matching.count, page: query.page ?? 1, next: nil)
    }

    func listOrders(_ query: OrderListQuery, concurrency: Int) -> AsyncThrowingStream<OrderPage, any Error> {
        let (failure, gate, matching) = listCall(query)
        let size = pageSize
        return AsyncThrowingStream { continuation in
            let task = Task {
                if let gate { await gate.wait() }
                if let failure {
                    continuation.finish(throwing: failure)
                    return
                }
                var page = 1
                var start = 0
                repeat {
                    let slice = Array(matching[start..<min(matching.count, start + size)])
                    continuation.yield(OrderPage(orders: slice, totalCount: matching.count, page: page, next: nil))
                    start += size
                    page += 1
                } while start < matching.count
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func retrieve(_ uuid: WaldurUUID, fields: [String]) async throws(WaldurError) -> Order {
        let (gate, failure) = locked { () -> (Gate?, WaldurError?) in
            _retrieved.append(uuid.hex)
            return (retrieveGates[uuid.hex], retrieveFailures[uuid.hex])
        }
        if let gate { await gate.wait() }
        if let failure { throw failure }
        guard var order = locked({ _orders.first { $0.uuid == uuid } }) else {
            throw WaldurError.http(status: 404, serverMessage: "Not found.", retryAfter: nil)
        }
        order.requestComment = "full order"
        return order
    }

    private func act(_ call: ActionCall, _ change: @escaping (inout Order) -> Void) async throws(WaldurError) -> ActionResult {
        let (gate, failure) = locked { () -> (Gate?, WaldurError?) in
            _actionCalls.append(call)
            _inFlightActions += 1
            _maxInFlightActions = max(_maxInFlightActions, _inFlightActions)
            return (actionGate, actionFailures[call.uuid.hex])
        }
        if let gate { await gate.wait() }
        locked { _inFlightActions -= 1 }
        if let failure { throw failure }
        locked {
            if let i = _orders.firstIndex(where: { $0.uuid == call.uuid }) {
                change(&_orders[i])
                _orders[i].modified = (_orders[i].modified ?? testNow).addingTimeInterval(1)
            }
        }
        return ActionResult(status: 200, detail: nil)
    }

    /// The one write the store makes: the call is logged as the action call it came from (texts read back from the body).
    func perform(_ operation: OrderOperation, _ uuid: WaldurUUID, body: JSONValue?) async throws(WaldurError) -> ActionResult {
        func text(_ key: String) -> String? { body?[key]?.stringValue }
        switch operation {
        case .approveByConsumer: return try await act(ActionCall(.approveByConsumer, uuid)) { $0.state = .pendingProvider }
        case .approveByProvider: return try await act(ActionCall(.approveByProvider, uuid)) { $0.state = .executing }
        case .rejectByConsumer: return try await act(ActionCall(.rejectByConsumer, uuid)) { $0.state = .rejected }
        case .rejectByProvider:
            return try await act(ActionCall(.rejectByProvider, uuid, text: text("provider_rejection_comment"))) { $0.state = .rejected }
        case .cancel: return try await act(ActionCall(.cancel, uuid)) { $0.state = .canceled }
        case .setStateExecuting: return try await act(ActionCall(.setStateExecuting, uuid)) { $0.state = .executing }
        case .setStateDone: return try await act(ActionCall(.setStateDone, uuid)) { $0.state = .done }
        case .setStateErred:
            let message = text("error_message") ?? ""
            let traceback = text("error_traceback") ?? ""
            // As the real server: only an executing order becomes erred; the texts are replaced on any state.
            return try await act(ActionCall(.setStateErred, uuid, text: message, traceback: traceback)) {
                if $0.state == .executing { $0.state = .erred }
                $0.errorMessage = message
                $0.errorTraceback = traceback
            }
        case .setBackendID:
            let id = text("backend_id") ?? ""
            return try await act(ActionCall(.setBackendID, uuid, text: id)) { $0.backendID = id }
        case .unlink, .delete:
            let r = try await act(ActionCall(operation == .unlink ? .unlink : .delete, uuid)) { _ in }
            locked { _orders.removeAll { $0.uuid == uuid } }
            return r
        case .deleteAttachment:
            throw WaldurError.http(status: 405, serverMessage: "the store never sends \(operation.wireName)", retryAfter: nil)
        }
    }
}

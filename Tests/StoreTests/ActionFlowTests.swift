import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct ActionFlowTests {
    let orders: [Order] = [
        makeOrder(1, state: .pendingProvider),
        makeOrder(2, state: .pendingProvider),
        makeOrder(3, state: .pendingProvider),
        makeOrder(4, state: .executing),
    ]

    func state(_ config: StoreConfiguration = StoreConfiguration()) -> AppState {
        var s = loadedState(orders, needsMeProvider: Array(orders.prefix(3)), configuration: config)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        return s
    }

    func markAll(_ s: inout AppState) {
        _ = reduce(&s, .markAllVisible)
    }

    @Test func bulkConfirmationDescribesWhatHappens() {
        var s = state()
        markAll(&s)
        #expect(reduce(&s, .requestAction(.approve)) == [])
        let c = s.confirmation
        #expect(c != nil)
        #expect(c?.summary == "approve 3 orders as provider → executing; 1 skipped")
        #expect(c?.calls.map(\.uuid) == [uuid(1), uuid(2), uuid(3)])
        #expect(c?.skipped.map(\.uuid) == [uuid(4)])
        #expect(c?.skipped.first?.reason.contains("this one is executing") == true)
        let menu = s.actionMenu.first { $0.action == .approve }
        #expect(menu?.availableCount == 3 && menu?.targetCount == 4)
    }

    @Test func confirmRunsOnceWithAPendingMarker() {
        var s = state()
        markAll(&s)
        _ = reduce(&s, .requestAction(.approve))
        let effects = reduce(&s, .confirmAction)
        guard case let .runActions(batch, calls, concurrency)? = effects.first else {
            Issue.record("no run effect")
            return
        }
        #expect(calls.count == 3 && concurrency == 4)
        #expect(s.pendingActions[uuid(1)] == .approve)
        #expect(s.visibleRow(at: 0)?.pendingAction == .approve)
        // A second submit: the confirmation is gone, and a new request skips the pending orders.
        #expect(reduce(&s, .confirmAction) == [])
        _ = reduce(&s, .requestAction(.approve))
        #expect(s.confirmation == nil)
        #expect(s.messages.last?.text.contains("already running") == true)
        // The list keeps the server's state until the re-fetched order arrives.
        #expect(s.row(for: uuid(1))?.state == .pendingProvider)
        var confirmed = orders[0]
        confirmed.state = .executing
        confirmed.modified = testNow.addingTimeInterval(1)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[0], outcome: .updated(confirmed)))
        #expect(s.row(for: uuid(1))?.state == .executing)
        #expect(s.pendingActions[uuid(1)] == nil)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[1], outcome: .failed(.http(status: 409, serverMessage: "Valid states for operation: pending-provider.", retryAfter: nil))))
        #expect(s.row(for: uuid(2))?.state == .pendingProvider)
        #expect(s.messages.last?.text.contains("Valid states for operation: pending-provider.") == true)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[2], outcome: .removed))
        #expect(s.row(for: uuid(3)) == nil)
        #expect(s.lastResults.map { $0.outcome == nil } == [false, false, false])
        #expect(s.messages.last?.text == "approve: 2 orders done, 1 failed")
    }

    @Test func requiredInputBlocksConfirmUntilTyped() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(4)))
        _ = reduce(&s, .requestAction(.setBackendID))
        #expect(s.confirmation?.input?.isRequired == true)
        #expect(reduce(&s, .confirmAction) == [])
        #expect(s.confirmation != nil)
        _ = reduce(&s, .setActionInput("  vm-42 "))
        let effects = reduce(&s, .confirmAction)
        #expect(effects == [.runActions(batch: 1, calls: [ActionCall(.setBackendID, uuid(4), text: "vm-42")], concurrency: 4)])
    }

    @Test func optionalRejectionComment() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(2)))
        _ = reduce(&s, .requestAction(.reject))
        _ = reduce(&s, .setActionInput("not now"))
        let effects = reduce(&s, .confirmAction)
        #expect(effects == [.runActions(batch: 1, calls: [ActionCall(.rejectByProvider, uuid(2), text: "not now")], concurrency: 4)])
    }

    @Test func unavailableSingleActionExplainsWhy() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(4)))
        _ = reduce(&s, .requestAction(.approve))
        #expect(s.confirmation == nil)
        #expect(s.messages.last?.text == "cannot approve: only pending-consumer or pending-provider orders can be approved; this one is executing")
    }

    @Test func cancelClosesTheConfirmation() {
        var s = state()
        _ = reduce(&s, .requestAction(.approve))
        _ = reduce(&s, .cancelAction)
        #expect(s.confirmation == nil)
        #expect(s.pendingActions.isEmpty)
    }

    @Test func readOnlyRefusesOnEveryPath() {
        var s = state(StoreConfiguration(readOnly: true))
        markAll(&s)
        #expect(s.actionMenu.allSatisfy { !$0.isAvailable && $0.reason?.hasPrefix("read-only mode") == true })
        for a in OrderAction.allCases {
            #expect(reduce(&s, .requestAction(a)) == [])
            #expect(s.confirmation == nil)
        }
        // Even a confirmation smuggled in is refused.
        s.confirmation = ActionConfirmation(action: .approve, calls: [ActionCall(.approveByProvider, uuid(1))], skipped: [],
                                            summary: "x", input: nil, text: "")
        #expect(reduce(&s, .confirmAction) == [])
        #expect(s.pendingActions.isEmpty)
        #expect(s.messages.last?.text == "read-only mode: approve is disabled")
    }
}

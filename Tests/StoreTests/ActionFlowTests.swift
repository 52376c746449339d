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

    @Test func lateDetailFetchNeverRollsBackAConfirmedState() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(1)))
        _ = reduce(&s, .requestAction(.approve))
        guard case let .runActions(batch, calls, _)? = reduce(&s, .confirmAction).first else {
            Issue.record("no run effect")
            return
        }
        var confirmed = orders[0]
        confirmed.state = .executing
        confirmed.modified = testNow.addingTimeInterval(5)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[0], outcome: .updated(confirmed)))
        // The detail fetch started before the approve answers last, with the order as it was.
        var stale = orders[0]
        stale.modified = testNow
        _ = reduce(&s, .orderRetrieved(stale))
        #expect(s.row(for: uuid(1))?.state == .executing)
        #expect(s.detailCache[uuid(1)]?.state == .executing)
        // A newer answer still applies.
        _ = reduce(&s, .orderRetrieved({ var o = confirmed; o.state = .done; o.modified = testNow.addingTimeInterval(9); return o }()))
        #expect(s.row(for: uuid(1))?.state == .done)
    }

    @Test func unknownOutcomeShowsTheRefetchOrWhyItFailed() {
        var s = state()
        markAll(&s)
        _ = reduce(&s, .requestAction(.approve))
        guard case let .runActions(batch, calls, _)? = reduce(&s, .confirmAction).first else {
            Issue.record("no run effect")
            return
        }
        let lost = WaldurError.transport(.connectionLost, detail: "reset")
        var now = orders[0]
        now.state = .executing
        now.modified = testNow.addingTimeInterval(3)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[0], outcome: .unknown(lost, refetched: .success(now))))
        #expect(s.row(for: uuid(1))?.state == .executing)
        let refused = WaldurError.http(status: 502, serverMessage: "upstream gone", retryAfter: nil)
        _ = reduce(&s, .actionCompleted(batch: batch, call: calls[1], outcome: .unknown(lost, refetched: .failure(refused))))
        #expect(s.row(for: uuid(2))?.state == .pendingProvider)
        #expect(s.messages.last?.text.contains("upstream gone") == true)
        #expect(s.lastResults[1].text.contains("re-fetching failed too") && s.lastResults[1].text.contains("upstream gone"))
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

    @Test func aFilterThatHidesEveryRowLeavesNothingToActOn() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(2)))
        _ = reduce(&s, .setFilterText("state:erred"))
        #expect(s.visibleCount == 0)
        #expect(s.actionTargets.isEmpty)
        #expect(s.detail == nil)
        #expect(reduce(&s, .requestAction(.approve)) == [])
        #expect(s.confirmation == nil)
        // Relaxing the filter brings the same order back as the selection.
        _ = reduce(&s, .setFilterText(""))
        #expect(s.selectedUUID == uuid(2))
        #expect(s.actionTargets == [uuid(2)])
    }

    @Test func consumerRejectAsksForNoComment() {
        var s = loadedState([makeOrder(7, state: .pendingConsumer)], needsMeConsumer: [makeOrder(7, state: .pendingConsumer)])
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .selectOrder(uuid(7)))
        _ = reduce(&s, .requestAction(.reject))
        #expect(s.confirmation?.summary == "reject 1 order as consumer → rejected")
        #expect(s.confirmation?.input == nil)
        #expect(reduce(&s, .confirmAction) == [.runActions(batch: 1, calls: [ActionCall(.rejectByConsumer, uuid(7))], concurrency: 4)])
    }

    @Test func optionalRejectionComment() {
        var s = state()
        _ = reduce(&s, .selectOrder(uuid(2)))
        _ = reduce(&s, .requestAction(.reject))
        #expect(s.confirmation?.input?.isRequired == false)
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
                                            summary: "x", fields: [])
        #expect(reduce(&s, .confirmAction) == [])
        #expect(s.pendingActions.isEmpty)
        #expect(s.messages.last?.text == "read-only mode: approve is disabled")
    }
}

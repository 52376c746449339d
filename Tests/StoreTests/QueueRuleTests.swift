import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Queue membership comes from each queue's declared rule (its set of states), never from state positions.
@Suite struct QueueRuleTests {
    @Test("every built-in state queue counts and shows exactly the orders whose state its rule declares")
    func stateQueuesFollowTheirDeclaration() {
        let states = OrderState.known + [.unknown("paused-by-admin")]
        let orders = states.enumerated().flatMap { i, state in (0..<(i + 1)).map { makeOrder(100 * (i + 1) + $0, state: state) } }
        var s = loadedState(orders)
        for (q, queue) in s.queues.enumerated() {
            guard case let .states(declared) = queue.rule else { continue }
            let expected = orders.filter { declared.contains($0.state ?? .unknown("")) }
            #expect(s.queueCounts[q] == expected.count, "\(queue.name)")
            _ = reduce(&s, .selectQueue(q))
            let shown = (0..<s.visibleCount).compactMap { s.visibleRow(at: $0)?.state }
            #expect(shown.count == expected.count, "\(queue.name)")
            #expect(shown.allSatisfy { declared.contains($0) }, "\(queue.name): \(shown)")
        }
        #expect(s.queueCounts[s.queueIndex("All")] == orders.count)
        // An unknown state is in no state queue, but in All.
        let unknownCount = orders.filter { if case .unknown = $0.state { return true } else { return false } }.count
        let stateQueueTotal = s.queues.enumerated().reduce(0) { sum, e in
            if case .states = e.element.rule, e.element.kind != .pending { return sum + s.queueCounts[e.offset] } else { return sum }
        }
        #expect(stateQueueTotal + s.queueCounts[s.queueIndex("Pending")] + unknownCount == orders.count)
    }

    @Test("the membership bits are built from the declared states through the row's own state codes")
    func membershipFromDeclaration() {
        for state in OrderState.known {
            let m = QueueMembership(.states([state]))
            for other in OrderState.known {
                let code = OrderRow.code(of: other) ?? 15
                #expect(m.contains(hot: code) == (other == state), "\(state.wire) vs \(other.wire)")
            }
            #expect(!m.contains(hot: 15), "unknown states are in no state queue")
        }
        #expect(QueueMembership(.needsMe).contains(hot: 0x80 | 3) && !QueueMembership(.needsMe).contains(hot: 3))
        #expect(QueueMembership(.all).contains(hot: 15))
    }
}

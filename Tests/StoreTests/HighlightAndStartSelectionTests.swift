import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Changed-row markers clear when seen or after a minute; the first loads leave the selection on row 1 (issue 12).
@Suite struct HighlightAndStartSelectionTests {
    func changedState() -> AppState {
        var s = loadedState((1...5).map { makeOrder($0) })
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        var changed = makeOrder(3, state: .pendingProvider, modified: testNow.addingTimeInterval(10))
        changed.modified = testNow.addingTimeInterval(10)
        _ = s.merge([changed], purpose: .poll, flagChanges: true)
        return s
    }

    func isChanged(_ s: AppState, _ n: Int) -> Bool { s.row(for: uuid(n))?.isChanged == true }

    @Test func aChangedMarkerClearsWhenTheRowIsSelected() {
        var s = changedState()
        #expect(isChanged(s, 3))
        let position = s.visibleRows(0..<s.visibleCount).firstIndex { $0.uuid == uuid(3) } ?? -1
        _ = reduce(&s, .selectRow(position))
        #expect(!isChanged(s, 3))
    }

    @Test func aChangedMarkerClearsAfterAMinute() {
        var s = changedState()
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(30)))
        #expect(isChanged(s, 3), "still marked after 30 s")
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(61)))
        #expect(!isChanged(s, 3), "cleared after a minute")
        // A new order arriving with a poll is marked too, and expires the same way.
        var fresh = makeOrder(9, created: testNow.addingTimeInterval(70))
        fresh.modified = fresh.created
        _ = s.merge([fresh], purpose: .poll, flagChanges: true)
        #expect(s.row(for: uuid(9))?.isNew == true)
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(140)))
        #expect(s.row(for: uuid(9))?.isNew == false)
    }

    @Test func theSelectionStartsOnRowOneWhateverOrderThePagesArriveIn() {
        // Staff, as seen against the sandbox: the full load is in, then the consumer "Needs me" list selects its
        // first order, then the provider list adds newer orders above it (the selection used to stay on row 4).
        let orders = (1...12).map { makeOrder($0, state: $0 % 2 == 0 ? .pendingConsumer : .pendingProvider) }
        var s = AppState(configuration: StoreConfiguration(isStaff: true), now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let requests = loads(reduce(&s, .persistedSortLoaded(nil)))
        let order: [LoadPurpose] = [.full(reconcile: false), .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false)]
        for purpose in order {
            guard let request = requests.first(where: { $0.purpose == purpose }) else { continue }
            let answer: [Order]
            switch purpose {
            case .needsMeConsumer: answer = orders.filter { $0.state == .pendingConsumer }
            case .needsMeProvider: answer = orders.filter { $0.state == .pendingProvider }
            default: answer = orders
            }
            _ = reduce(&s, .pageLoaded(id: request.id, orders: answer, totalCount: answer.count))
            _ = reduce(&s, .loadFinished(id: request.id))
        }
        #expect(s.selectedQueue.kind == .needsMe)
        #expect(s.visibleCount == 12)
        #expect(s.selectedIndex == 0)
        #expect(s.selectedUUID == s.visibleRow(at: 0)?.uuid)
        // Once the user moves, the selection follows its order again across refreshes.
        _ = reduce(&s, .moveSelection(1))
        let chosen = s.selectedUUID
        var newer = makeOrder(50, state: .pendingConsumer, created: testNow.addingTimeInterval(100))
        newer.modified = newer.created
        _ = s.merge([newer], purpose: .poll, flagChanges: true)
        #expect(s.selectedUUID == chosen)
    }
}

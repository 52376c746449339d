import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct SortSelectionTests {
    let orders: [Order] = [
        makeOrder(1, state: .executing, project: "Delta", cost: "30"),
        makeOrder(2, state: .done, project: "alpha", cost: "5.5"),
        makeOrder(3, state: .erred, project: "Charlie", cost: nil),
        makeOrder(4, state: .pendingConsumer, project: "Bravo", cost: "100"),
        makeOrder(5, state: .done, project: "Echo", cost: "7"),
    ]

    func all(_ sort: OrderSort? = nil) -> AppState {
        var s = loadedState(orders, sort: sort)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        return s
    }

    @Test func defaultIsNewestFirst() {
        #expect(all().visibleNumbers == [1, 2, 3, 4, 5])
    }

    @Test func everyColumnSortsBothWays() {
        var s = all()
        for key in SortKey.allCases {
            _ = reduce(&s, .sort(by: key, ascending: true))
            let up = s.visibleNumbers
            _ = reduce(&s, .sort(by: key, ascending: false))
            let down = s.visibleNumbers
            #expect(up.count == 5 && down.count == 5, "\(key)")
            #expect(Set(up) == Set(down), "\(key)")
        }
        _ = reduce(&s, .sort(by: .project, ascending: true))
        #expect(s.visibleNumbers == [2, 4, 3, 1, 5]) // case-insensitive
        _ = reduce(&s, .sort(by: .cost, ascending: true))
        #expect(s.visibleNumbers == [2, 5, 1, 4, 3]) // absent last
        _ = reduce(&s, .sort(by: .cost, ascending: false))
        #expect(s.visibleNumbers == [4, 1, 5, 2, 3]) // absent last too
        _ = reduce(&s, .sort(by: .created, ascending: true))
        #expect(s.visibleNumbers == [5, 4, 3, 2, 1])
    }

    @Test func sortTogglesAndIsPersisted() {
        var s = all()
        let effects = reduce(&s, .sort(by: .cost, ascending: nil))
        #expect(s.sort == OrderSort(key: .cost, ascending: false))
        #expect(effects == [.persistSort(OrderSort(key: .cost, ascending: false))])
        _ = reduce(&s, .sort(by: .cost, ascending: nil))
        #expect(s.sort.ascending)
    }

    @Test func rememberedSortIsUsedForTheServerOrdering() {
        var state = AppState(now: testNow)
        #expect(reduce(&state, .start(now: testNow)) == [.loadPersistedSort])
        let requests = loads(reduce(&state, .persistedSortLoaded(OrderSort(key: .cost, ascending: true))))
        #expect(requests.first { $0.purpose == .full(reconcile: false) }?.query.ordering == ["cost"])
        var other = AppState(now: testNow)
        _ = reduce(&other, .start(now: testNow))
        let r2 = loads(reduce(&other, .persistedSortLoaded(OrderSort(key: .project, ascending: true))))
        #expect(r2.first { $0.purpose == .full(reconcile: false) }?.query.ordering == []) // the API cannot order by project
    }

    @Test func selectionFollowsTheOrderAcrossSortAndFilter() {
        var s = all()
        _ = reduce(&s, .selectOrder(uuid(3)))
        #expect(s.selectedIndex == 2)
        _ = reduce(&s, .sort(by: .project, ascending: true))
        #expect(s.selectedNumber == 3)
        #expect(s.selectedIndex == 2)
        _ = reduce(&s, .sort(by: .created, ascending: true))
        #expect(s.selectedNumber == 3)
        _ = reduce(&s, .setFilterText("-delta"))
        #expect(s.selectedNumber == 3)
        #expect(s.selectedIndex == s.visibleNumbers.firstIndex(of: 3))
    }

    @Test func selectionMovesToTheNearestNeighbourWhenItsOrderLeaves() {
        var s = all()
        _ = reduce(&s, .selectOrder(uuid(3)))
        _ = reduce(&s, .setFilterText("-charlie"))
        #expect(s.selectedNumber == 4) // the next one below
        _ = reduce(&s, .selectOrder(uuid(5)))
        _ = reduce(&s, .setFilterText("-charlie -echo"))
        #expect(s.selectedNumber == 4) // the last one left: the one above
        _ = reduce(&s, .setFilterText("nothing-matches-this"))
        #expect(s.selectedIndex == nil)
    }

    @Test func selectionSurvivesRefreshAndFollowsARemovedOrdersNeighbour() {
        var s = all()
        _ = reduce(&s, .selectOrder(uuid(2)))
        var changed = orders[0]
        changed.modified = testNow.addingTimeInterval(10)
        _ = s.merge([changed, makeOrder(9, created: testNow.addingTimeInterval(100))], purpose: .poll, flagChanges: true)
        #expect(s.selectedNumber == 2)
        #expect(s.visibleNumbers == [9, 1, 2, 3, 4, 5])
        // A reconcile that no longer lists order 2.
        let effects = reduce(&s, .reload)
        finishLoads(&s, effects, full: [orders[0], orders[2], orders[3], orders[4]])
        #expect(s.visibleNumbers == [1, 3, 4, 5])
        #expect(s.selectedNumber == 3)
    }

    @Test func movingClamps() {
        var s = all()
        _ = reduce(&s, .selectRow(0))
        _ = reduce(&s, .moveSelection(-5))
        #expect(s.selectedIndex == 0)
        _ = reduce(&s, .moveSelection(99))
        #expect(s.selectedIndex == 4)
        #expect(s.selectedRow?.isSelected == true)
    }

    @Test func marksSurviveRefreshesAndClearOnRequest() {
        var s = all()
        _ = reduce(&s, .selectOrder(uuid(1)))
        _ = reduce(&s, .toggleMark)
        _ = reduce(&s, .selectOrder(uuid(4)))
        _ = reduce(&s, .toggleMark)
        #expect(s.marked == [uuid(1), uuid(4)])
        let effects = reduce(&s, .reload)
        finishLoads(&s, effects, full: orders)
        #expect(s.marked == [uuid(1), uuid(4)])
        #expect(s.visibleRow(at: 0)?.isMarked == true)
        _ = reduce(&s, .toggleMark)
        #expect(s.marked == [uuid(1)])
        _ = reduce(&s, .markAllVisible)
        #expect(s.marked.count == 5)
        _ = reduce(&s, .clearMarks)
        #expect(s.marked.isEmpty)
    }

    @Test func marksOfVanishedOrdersAreDropped() {
        var s = all()
        _ = reduce(&s, .selectOrder(uuid(2)))
        _ = reduce(&s, .toggleMark)
        let effects = reduce(&s, .reload)
        finishLoads(&s, effects, full: [orders[0]])
        #expect(s.marked.isEmpty)
    }
}

@Suite struct ResortOnChangeTests {
    @Test func aChangeThatMovesTheOrderInTheSortReordersTheList() {
        var s = loadedState([makeOrder(1, cost: "1"), makeOrder(2, cost: "2"), makeOrder(3, cost: "3")], sort: OrderSort(key: .cost, ascending: true))
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        #expect(s.visibleNumbers == [1, 2, 3])
        var pricier = makeOrder(1, cost: "9")
        pricier.modified = testNow
        _ = s.merge([pricier], purpose: .poll, flagChanges: true)
        #expect(s.visibleNumbers == [2, 3, 1])
        // A state change under a cost sort keeps the place but still re-filters.
        _ = reduce(&s, .setFilterText("state:pending"))
        var executing = makeOrder(2, state: .executing, cost: "2")
        executing.modified = testNow
        _ = s.merge([executing], purpose: .poll, flagChanges: true)
        #expect(s.visibleNumbers == [3, 1])
    }
}

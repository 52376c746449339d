import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct QueueAndFilterTests {
    let orders: [Order] = [
        makeOrder(1, state: .pendingConsumer, offering: "Basic VM", project: "Alpha"),
        makeOrder(2, state: .pendingProvider, offering: "Slurm HPC", offeringType: "Marketplace.Slurm", project: "Beta"),
        makeOrder(3, state: .executing, offering: "Basic VM", project: "Gamma", cost: "150.5"),
        makeOrder(4, state: .erred, offering: "Slurm HPC", offeringType: "Marketplace.Slurm", project: "Alpha", cost: "5.5"),
        makeOrder(5, state: .done, type: .update, offering: "Basic VM", project: "Beta", cost: "5.50000000001"),
        makeOrder(6, state: .rejected, project: "Château Réseau"),
        makeOrder(7, state: .canceled, project: "Alpha", creator: "dave"),
        makeOrder(8, state: .pendingProvider, project: "Alpha"),
    ]

    @Test func builtInQueueCounts() {
        let s = loadedState(orders, needsMeConsumer: [orders[0]], needsMeProvider: [orders[1]])
        #expect(s.count(of: "Needs me") == 2)
        #expect(s.count(of: "Pending") == 3)
        #expect(s.count(of: "Executing") == 1)
        #expect(s.count(of: "Erred") == 1)
        #expect(s.count(of: "Done") == 1)
        #expect(s.count(of: "Closed") == 2)
        #expect(s.count(of: "All") == 8)
    }

    @Test func needsMeMergesBothServerQueriesAndFollowsState() {
        var s = loadedState(orders, needsMeConsumer: [orders[0]], needsMeProvider: [orders[1]])
        _ = reduce(&s, .selectQueue(s.queueIndex("Needs me")))
        #expect(Set(s.visibleNumbers) == [1, 2])
        // Once the provider-approvable order moved on, it leaves "Needs me" even before the next needs-me query.
        var moved = orders[1]
        moved.state = .executing
        moved.modified = testNow.addingTimeInterval(60)
        _ = s.merge([moved], purpose: .poll, flagChanges: true)
        #expect(s.visibleNumbers == [1])
    }

    @Test func needsMeQueriesUseTheServerFilters() {
        var state = AppState(now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let requests = loads(reduce(&state, .persistedSortLoaded(nil)))
        #expect(requests.contains { $0.query.canApproveAsConsumer == true && $0.purpose == .needsMeConsumer(incremental: false) })
        #expect(requests.contains { $0.query.canApproveAsProvider == true && $0.purpose == .needsMeProvider(incremental: false) })
        #expect(requests.contains { $0.purpose == .full(reconcile: false) && $0.query.fields == OrderRow.listFields })
    }

    @Test func userQueuesFromConfiguration() {
        let config = StoreConfiguration(userQueues: [(name: "Slurm trouble", filter: "offering:slurm state:erred,pending"), (name: "Broken", filter: "state:")])
        var s = loadedState(orders, configuration: config)
        #expect(s.queues.map(\.name).suffix(2) == ["Slurm trouble", "Broken"])
        #expect(s.count(of: "Slurm trouble") == 2)
        #expect(s.count(of: "Broken") == 0)
        #expect(s.queueErrors["Broken"] != nil)
        _ = reduce(&s, .selectQueue(s.queueIndex("Slurm trouble")))
        #expect(Set(s.visibleNumbers) == [2, 4])
    }

    @Test func freeWordsMatchManyFieldsAccentInsensitively() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("CHATEAU reseau"))
        #expect(s.visibleNumbers == [6])
        _ = reduce(&s, .setFilterText("DAVE"))
        #expect(s.visibleNumbers == [7])
        _ = reduce(&s, .setFilterText(hex(3)))
        #expect(s.visibleNumbers == [3])
        _ = reduce(&s, .setFilterText(String(hex(3).prefix(20))))
        #expect(s.visibleCount == 8)
        _ = reduce(&s, .setFilterText("res-4"))
        #expect(s.visibleNumbers == [4])
        _ = reduce(&s, .setFilterText("slurm alpha"))
        #expect(s.visibleNumbers == [4])
    }

    @Test func keyedNegatedAndCostTerms() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("project:alpha -state:canceled"))
        #expect(Set(s.visibleNumbers) == [1, 4, 8])
        _ = reduce(&s, .setFilterText("cost<=5.5"))
        #expect(s.visibleNumbers == [4])
        _ = reduce(&s, .setFilterText("cost>5.5"))
        #expect(Set(s.visibleNumbers) == [1, 2, 3, 5, 6, 7, 8])
        _ = reduce(&s, .setFilterText("type:update"))
        #expect(s.visibleNumbers == [5])
        _ = reduce(&s, .setFilterText("by:dave"))
        #expect(s.visibleNumbers == [7])
        _ = reduce(&s, .setFilterText("!basic"))
        #expect(Set(s.visibleNumbers) == [2, 4])
    }

    @Test func timeTermsUseTheStateClock() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("age<150m"))
        #expect(Set(s.visibleNumbers) == [1, 2])
        _ = reduce(&s, .setFilterText("modified>2026-11-26T06:30:00Z"))
        #expect(Set(s.visibleNumbers) == [1, 2, 3, 4, 5])
        // Two hours later (and after the 15 s re-evaluation period) order 2 is older than 150 minutes.
        _ = reduce(&s, .setFilterText("age<150m"))
        _ = reduce(&s, .setRefreshPaused(true))
        _ = reduce(&s, .tick(now: testNow.addingTimeInterval(7200)))
        #expect(s.visibleNumbers == [])
    }

    @Test func invalidFilterKeepsTheLastValidOne() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("state:erred"))
        #expect(s.visibleNumbers == [4])
        _ = reduce(&s, .setFilterText("state:erred cost>"))
        #expect(s.visibleNumbers == [4])
        #expect(s.filterError != nil)
        #expect(s.statusLine?.text.contains("cost> needs a value") == true)
        _ = reduce(&s, .setFilterText("state:erred cost>1"))
        #expect(s.filterError == nil)
        #expect(s.visibleNumbers == [4])
    }

    @Test func switchingQueuesKeepsTheFilter() {
        var s = loadedState(orders)
        _ = reduce(&s, .setFilterText("alpha"))
        _ = reduce(&s, .selectQueue(s.queueIndex("Pending")))
        #expect(s.filterText == "alpha")
        #expect(Set(s.visibleNumbers) == [1, 8])
        _ = reduce(&s, .selectQueue(s.queueIndex("Closed")))
        #expect(s.visibleNumbers == [7])
        #expect(s.count(of: "All") == 4)
    }

    @Test func incrementalNarrowingGivesTheSameResultAsAFullFilter() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        for text in ["b", "ba", "bas", "basic", "basic ", "basic b", "basic be"] {
            _ = reduce(&s, .setFilterText(text))
            var fresh = loadedState(orders)
            _ = reduce(&fresh, .selectQueue(fresh.queueIndex("All")))
            _ = reduce(&fresh, .setFilterText(text))
            #expect(s.visibleNumbers == fresh.visibleNumbers, "\(text)")
        }
        #expect(Set(s.visibleNumbers) == [5])
    }

    @Test func filterAppliesToArrivingOrders() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("gamma"))
        _ = s.merge([makeOrder(20, project: "Gamma"), makeOrder(21, project: "Delta")], purpose: .poll, flagChanges: true)
        #expect(Set(s.visibleNumbers) == [3, 20])
    }

    @Test func serverFilterOfAReload() {
        var s = loadedState(orders)
        _ = reduce(&s, .setFilterText("state:erred type:update"))
        #expect(s.serverFilterOutdated)
        let requests = loads(reduce(&s, .reload))
        let full = requests.first { $0.purpose == .full(reconcile: false) }
        #expect(full?.query.state == [.erred])
        #expect(full?.query.type == [.update])
        #expect(full?.query.ordering == ["-created"])
        #expect(!s.serverFilterOutdated)
    }

    @Test func backspaceAndRetypeAgreeWithAFreshFilterAfterRowsChange() {
        var s = loadedState(orders)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        for text in ["b", "ba", "bas", "ba", "b", "", "b", "ba"] { _ = reduce(&s, .setFilterText(text)) }
        #expect(Set(s.visibleNumbers) == [1, 3, 5, 6, 7, 8])
        _ = s.merge([makeOrder(30, offering: "Bastion", project: "Zeta")], purpose: .poll, flagChanges: true)
        _ = reduce(&s, .setFilterText("bas"))
        _ = reduce(&s, .setFilterText("bast"))
        #expect(s.visibleNumbers == [30])
        _ = reduce(&s, .setFilterText("bas"))
        #expect(s.visibleNumbers.contains(30) && s.visibleNumbers.contains(1))
    }

    @Test func userQueueCountsFollowArrivingOrders() {
        let config = StoreConfiguration(userQueues: [(name: "Gamma", filter: "project:gamma")])
        var s = loadedState(orders, configuration: config)
        #expect(s.count(of: "Gamma") == 1)
        _ = s.merge([makeOrder(40, project: "Gamma 2")], purpose: .poll, flagChanges: true)
        #expect(s.count(of: "Gamma") == 2)
        _ = reduce(&s, .setFilterText("state:executing"))
        #expect(s.count(of: "Gamma") == 1)
    }
}

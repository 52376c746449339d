import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The list asks the server only for the fields its columns, sort, filter, queue rules and actions need; a filter or
/// sort on a field it did not load reloads with that field added, and free words say what they cannot search.
@Suite struct ListFieldsTests {
    static let columns = ["state", "type", "offering_name", "project_name", "cost", "created"]
    static let config = StoreConfiguration(isStaff: true, refreshInterval: 10, columnFields: columns)

    let orders: [Order] = [
        makeOrder(1, state: .pendingConsumer, offering: "Basic VM", provider: "Acme", plan: "Small"),
        makeOrder(2, state: .executing, offering: "Slurm HPC", provider: "Bolt", plan: "Large"),
        makeOrder(3, state: .erred, offering: "Basic VM", provider: "Acme", plan: "Large"),
    ]

    /// What the list loads with `columns` for staff, cheapest first.
    static let loadedFields = ["uuid", "state", "type", "cost", "created", "modified", "offering_type", "offering_name", "project_name"]

    /// The orders as a load of `loadedFields` brings them.
    var trimmed: [Order] {
        orders.map { o in
            guard case let .object(members) = o.json, let t = try? Order(json: .object(members.filter { Self.loadedFields.contains($0.0) })) else { return o }
            return t
        }
    }

    func fullLoads(_ effects: [Effect]) -> [LoadRequest] {
        loads(effects).filter { $0.purpose.isFull }
    }

    @Test func loadsOnlyWhatTheColumnsAndActionsNeedCheapestFirst() {
        var state = AppState(configuration: Self.config, now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let requests = loads(reduce(&state, .persistedSortLoaded(nil)))
        #expect(requests.count == 3)
        #expect(fullLoads(requests.map { .load($0) }).map(\.query.fields) == [Self.loadedFields])
        // The list brings every order: the "Needs me" queries ask for uuids only and flag the rows it brings.
        #expect(requests.filter { $0.purpose != .full(reconcile: false) }.allSatisfy { $0.query.fields == ["uuid"] },
                "\(requests.map(\.query.fields))")
    }

    @Test func usersWhoAreNotStaffAlsoLoadTheCreatorForTheActionRules() {
        var state = AppState(configuration: StoreConfiguration(isStaff: false, columnFields: Self.columns), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let full = fullLoads(reduce(&state, .persistedSortLoaded(nil)))
        #expect(full.first?.query.fields.contains("created_by_username") == true)
    }

    @Test func withoutColumnsEveryListFieldIsLoaded() {
        var state = AppState(configuration: StoreConfiguration(isStaff: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        #expect(fullLoads(reduce(&state, .persistedSortLoaded(nil))).first?.query.fields == ListFields.names)
    }

    @Test func aUserQueueRuleLoadsTheFieldsItReads() {
        let config = StoreConfiguration(isStaff: true, userQueues: [(name: "Acme", filter: "provider:acme")], columnFields: Self.columns)
        var state = AppState(configuration: config, now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let fields = fullLoads(reduce(&state, .persistedSortLoaded(nil))).first?.query.fields ?? []
        #expect(fields.contains("provider_name") && fields.contains("provider_uuid"))
        #expect(!fields.contains("plan_name"))
    }

    @Test func aFilterOnAnUnloadedFieldReloadsWithItAndThenMatches() throws {
        var state = loadedState(trimmed, configuration: Self.config)
        _ = reduce(&state, .selectQueue(state.queueIndex("All")))
        let loaded = try #require(state.loadedServerQuery)
        let effects = reduce(&state, .setFilterText("plan:large"))
        let reload = try #require(fullLoads(effects).first)
        #expect(reload.purpose == .full(reconcile: false))
        #expect(reload.query.fields.contains("plan_name"))
        #expect(Set(reload.query.fields).isSuperset(of: loaded.fields))
        #expect(reload.query.state == loaded.state && reload.query.query == loaded.query, "same server query, more fields")
        #expect(loads(effects).filter { $0.purpose != .full(reconcile: false) }.allSatisfy { $0.query.fields == ["uuid"] },
                "the Needs me loads ask for uuids (the reload brings the rows)")
        #expect(state.messages.last?.text == "loading plan_name for the filter")
        #expect(state.visibleNumbers.isEmpty, "nothing matches before the plan names arrive")
        finishLoads(&state, effects, full: orders)
        #expect(Set(state.visibleNumbers) == [2, 3])
        #expect((0..<state.visibleCount).allSatisfy { state.visibleRow(at: $0)?.isChanged == false }, "a widening load highlights nothing")
        // Loaded now: typing on does not reload again, and the poll keeps the wider fields.
        #expect(fullLoads(reduce(&state, .setFilterText("plan:larg"))).isEmpty)
        let poll = try #require(loads(reduce(&state, .tick(now: testNow.addingTimeInterval(11)))).first { $0.purpose == .poll })
        #expect(poll.query.fields == reload.query.fields)
    }

    @Test func sortingByAnUnloadedColumnReloadsWithIt() throws {
        var state = loadedState(trimmed, configuration: Self.config)
        let effects = reduce(&state, .sort(by: .provider, ascending: true))
        let reload = try #require(fullLoads(effects).first)
        #expect(reload.query.fields.contains("provider_name"))
        #expect(state.messages.last?.text == "loading provider_name for the sort")
        #expect(fullLoads(reduce(&state, .sort(by: .created, ascending: false))).isEmpty, "a loaded column needs no reload")
    }

    @Test func freeWordsSearchWhatIsLoadedAndSayWhatIsNot() {
        var state = loadedState(trimmed, configuration: Self.config)
        _ = reduce(&state, .selectQueue(state.queueIndex("All")))
        let effects = reduce(&state, .setFilterText("large"))
        #expect(fullLoads(effects).isEmpty, "a free word never widens the load")
        #expect(state.visibleNumbers.isEmpty)
        let said = state.messages.last?.text ?? ""
        #expect(said.contains("not plan, customer, provider, resource, creator, reviewers"), "\(said)")
        _ = reduce(&state, .setFilterText("larg"))
        #expect(state.messages.filter { $0.text == said }.count == 1, "said once while typing")
        _ = reduce(&state, .setFilterText("basic"))
        #expect(Set(state.visibleNumbers) == [1, 3], "loaded names are searched")
    }

    @Test func aFullOrderFromTheDetailDoesNotMakeTheNextLoadLookChanged() throws {
        var state = loadedState(trimmed, configuration: Self.config)
        _ = reduce(&state, .selectQueue(state.queueIndex("All")))
        _ = reduce(&state, .orderRetrieved(orders[1]))
        _ = state.merge(trimmed, purpose: .poll, flagChanges: true)
        #expect((0..<state.visibleCount).allSatisfy { state.visibleRow(at: $0)?.isChanged == false })
        #expect(state.detailCache[uuid(2)]?.planName == "Large", "the detail keeps the whole order")
    }

    @Test("a detail fetch updates its row with the list's fields only: what it adds, the next load would take away")
    func aDetailFetchKeepsTheRowToTheListsFields() throws {
        var state = AppState(configuration: Self.config, now: testNow)
        _ = reduce(&state, .start(now: testNow))
        finishLoads(&state, reduce(&state, .persistedSortLoaded(nil)), full: trimmed)
        #expect(state.row(for: uuid(2))?.plan == "" && state.row(for: uuid(2))?.provider == "", "not loaded")
        var full = makeOrder(2, state: .done, offering: "Slurm HPC", provider: "Bolt", cost: "12.5", modified: testNow, plan: "Large")
        full.backendID = "job-7"
        _ = reduce(&state, .orderRetrieved(full))
        let row = try #require(state.row(for: uuid(2)))
        #expect(row.state == .done && row.cost == "12.50" && row.modified == testNow, "the loaded fields are updated")
        #expect(row.plan == "" && row.provider == "" && row.backendID == "" && row.resource == "", "nothing the list does not load")
        #expect(state.detailCache[uuid(2)]?.planName == "Large", "the detail view has the whole order")
    }
}

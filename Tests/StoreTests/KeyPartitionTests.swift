import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// A big full load is asked by project and offering, without the fields that follow from them (copied from a sample
/// page); it is only done when the counts prove the cells cover the list, and every order reads as if asked whole.
@MainActor
@Suite struct KeyPartitionTests {
    static let projects: [(uuid: Int, name: String, customer: String, customerUUID: Int)] = [
        (0x9001, "Project A", "Org A", 0x7001), (0x9002, "Project B", "Org A", 0x7001), (0x9003, "Project C", "Org B", 0x7002),
    ]
    static let offerings: [(uuid: Int, name: String, type: String)] = [
        (0x8001, "Basic VM", "Marketplace.Basic"), (0x8002, "Object storage", "Marketplace.Script"),
    ]
    static let fields = ["uuid", "state", "type", "cost", "created", "modified", "offering_type", "offering_name",
                         "project_name", "customer_name", "resource_name", "created_by_full_name"]

    /// `count` orders; order i in project `project(i)` and offering i / 3 % 2, done or pending by i % 5.
    static func orders(_ count: Int, project: (Int) -> Int = { $0 % 3 }) -> [Order] {
        (1...count).map { i in
            let p = projects[project(i) % projects.count], f = offerings[i / 3 % 2]
            var o = makeOrder(i, state: i % 5 == 0 ? .done : .pendingConsumer, offering: f.name, offeringType: f.type,
                              project: p.name, customer: p.customer)
            o.projectUUID = WaldurUUID(hex(p.uuid))
            o.customerUUID = WaldurUUID(hex(p.customerUUID))
            o.offeringUUID = WaldurUUID(hex(f.uuid))
            o.createdByFullName = "Carol \(i % 7)"
            // A project beyond the three named ones: its own name and customer.
            if project(i) >= projects.count {
                o.projectUUID = WaldurUUID(hex(0xA000 + project(i)))
                o.projectName = "Project \(project(i))"
                o.customerName = "Org \(project(i))"
            }
            return o
        }
    }

    static func fake(_ orders: [Order]) -> FakeOrderService {
        let fake = FakeOrderService(orders)
        fake.trimsFields = true
        fake.pageSize = 100
        return fake
    }

    static func request(_ purpose: LoadPurpose = .full(reconcile: false), fields: [String] = fields, parts: [OrderListQuery] = []) -> LoadRequest {
        var q = OrderListQuery()
        q.fields = fields
        return LoadRequest(id: 1, purpose: purpose, query: q, parts: parts)
    }

    /// Every page of the load, in order.
    static func pages(_ fake: FakeOrderService, _ request: LoadRequest) async throws -> [OrderPage] {
        var out: [OrderPage] = []
        for try await page in fake.listOrders(request, concurrency: 2) { out.append(page) }
        return out
    }

    /// What a row shows of an order (the last page that listed it wins, as in the store).
    static func shown(_ pages: [OrderPage]) -> [String: [String?]] {
        var out: [String: [String?]] = [:]
        for page in pages {
            for o in page.orders {
                out[o.uuid.hex] = [o.state?.wire, o.offeringName, o.offeringType, o.projectName, o.customerName,
                                   o.resourceName, o.createdByFullName, o.cost?.text]
            }
        }
        return out
    }

    /// What the server would show of `o` asked with `fields`.
    static func expected(_ o: Order, _ fields: [String]) -> [String?] {
        func f<T>(_ name: String, _ v: T?) -> T? { fields.contains(name) ? v : nil }
        return [o.state?.wire, f("offering_name", o.offeringName), f("offering_type", o.offeringType), f("project_name", o.projectName),
                f("customer_name", o.customerName), f("resource_name", o.resourceName), f("created_by_full_name", o.createdByFullName),
                o.cost?.text]
    }

    /// The list calls after the sample (the sample is the one of `sampleSize` orders).
    static func cellQueries(_ fake: FakeOrderService) -> [OrderListQuery] { Array(fake.listQueries.dropFirst()) }

    @Test("1,200 orders over 3 projects and 2 offerings: 6 cells without those fields, and every order as if asked whole")
    func aBigLoadIsAskedByProjectAndOffering() async throws {
        let orders = Self.orders(1_200)
        let fake = Self.fake(orders)
        let pages = try await Self.pages(fake, Self.request())
        let sample = try #require(fake.listQueries.first)
        #expect(sample.pageSize == KeyPartition.sampleSize && sample.fields.contains("project_uuid") && sample.fields.contains("offering_uuid"))
        let cells = Self.cellQueries(fake)
        #expect(cells.count == 6)
        #expect(Set(cells.compactMap { $0.projectUUID?.hex }).count == 3 && Set(cells.compactMap { $0.offeringUUID?.hex }).count == 2)
        for cell in cells {
            #expect(cell.projectUUID != nil && cell.offeringUUID != nil)
            #expect(Set(cell.fields).isDisjoint(with: RelatedKey.project.fields + RelatedKey.offering.fields), "\(cell.fields)")
            #expect(cell.fields.contains("resource_name") && cell.fields.contains("created_by_full_name"))
        }
        // Counted: the whole, then each project and each offering seen in the sample.
        #expect(fake.countQueries.count == 1 + 3 + 2)
        let shown = Self.shown(pages)
        #expect(shown.count == 1_200)
        for o in orders { #expect(shown[o.uuid.hex] == Self.expected(o, Self.fields), "\(o.uuid.hex)") }
        #expect(pages.allSatisfy { $0.totalCount == 1_200 }, "every page counts towards the whole")
        #expect(pages.first?.orders.count == KeyPartition.sampleSize, "the sample is the load's first rows")
    }

    @Test("a project the sample did not see: projects do not cover, so the cells are by offering and ask for the project")
    func aKeyWhoseCountsFallShortIsNotUsed() async throws {
        let orders = Self.orders(1_200) { $0 > 1_100 ? 2 : $0 % 2 } // Project C only after the sample
        let fake = Self.fake(orders)
        let pages = try await Self.pages(fake, Self.request())
        let cells = Self.cellQueries(fake)
        #expect(cells.count == 2)
        #expect(cells.allSatisfy { $0.projectUUID == nil && $0.offeringUUID != nil })
        #expect(cells.allSatisfy { $0.fields.contains("project_name") && $0.fields.contains("customer_name") && !$0.fields.contains("offering_name") })
        let shown = Self.shown(pages)
        #expect(shown.count == 1_200)
        for o in orders { #expect(shown[o.uuid.hex] == Self.expected(o, Self.fields), "\(o.uuid.hex)") }
        #expect(shown[hex(1_150)]?[4] == "Org B")
    }

    @Test("a key with more values in the sample than cells allowed is not even counted")
    func aKeyWithTooManyValuesIsNotCounted() async throws {
        let orders = Self.orders(1_200) { 3 + $0 % 40 } // 40 projects
        let fake = Self.fake(orders)
        let pages = try await Self.pages(fake, Self.request())
        #expect(fake.countQueries.allSatisfy { $0.projectUUID == nil })
        #expect(Self.cellQueries(fake).allSatisfy { $0.projectUUID == nil && $0.offeringUUID != nil })
        let shown = Self.shown(pages)
        for o in orders { #expect(shown[o.uuid.hex] == Self.expected(o, Self.fields), "\(o.uuid.hex)") }
    }

    @Test("a list under the minimum, a poll, and a load of whole orders are asked as they are")
    func smallListsPollsAndWholeOrdersAreNotSplit() async throws {
        let small = Self.fake(Self.orders(KeyPartition.minimumOrders - 1))
        _ = try await Self.pages(small, Self.request())
        #expect(small.listQueries.count == 1 && small.listQueries[0].projectUUID == nil && small.listQueries[0].pageSize == nil)
        let poll = Self.fake(Self.orders(1_200))
        _ = try await Self.pages(poll, Self.request(.poll))
        #expect(poll.listQueries.count == 1 && poll.countQueries.isEmpty)
        let whole = Self.fake(Self.orders(1_200))
        _ = try await Self.pages(whole, Self.request(fields: []))
        #expect(whole.listQueries.count == 1 && whole.countQueries.isEmpty)
    }

    @Test("parts and cells: each part asked by cell, each order with its own part's fields")
    func partsAreAskedByCell() async throws {
        let orders = Self.orders(1_200)
        let fake = Self.fake(orders)
        var pending = OrderListQuery(), done = OrderListQuery()
        pending.state = [.pendingConsumer]
        pending.fields = Self.fields.filter { $0 != "resource_name" }
        done.state = [.done]
        done.fields = Self.fields.filter { $0 != "created_by_full_name" }
        let pages = try await Self.pages(fake, Self.request(parts: [pending, done]))
        let cells = Self.cellQueries(fake)
        #expect(cells.count == 12)
        #expect(cells.map(\.state) == Array(repeating: [OrderState.pendingConsumer], count: 6) + Array(repeating: [.done], count: 6))
        // The sample (every field) is overwritten by the parts, as pages arrive in this order.
        let shown = Self.shown(pages)
        for o in orders { #expect(shown[o.uuid.hex] == Self.expected(o, o.state == .done ? done.fields : pending.fields), "\(o.uuid.hex)") }
    }

    @Test("through the store: every row shows its project, customer and offering; progress counts an order once")
    func theStoreShowsPartitionedRows() async throws {
        let orders = Self.orders(1_200)
        let fake = Self.fake(orders)
        var config = LoadPartsTests.config
        config.columnFields = (config.columnFields ?? []) + ["customer_name"]
        for (state, fields) in config.stateColumnFields { config.stateColumnFields[state] = fields + ["customer_name"] }
        let store = Store(service: fake, configuration: config, clock: { testNow })
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        #expect(store.state.loadedCount == 1_200)
        #expect(fake.listQueries.contains { $0.projectUUID != nil && $0.offeringUUID != nil })
        for o in orders {
            let row = try #require(store.state.row(for: o.uuid))
            #expect([row.project, row.customer, row.offering] == [o.projectName, o.customerName, o.offeringName])
        }
    }

    @Test func progressCountsAnOrderListedTwiceOnce() throws {
        var s = AppState(configuration: StoreConfiguration(isStaff: true), now: testNow)
        _ = reduce(&s, .start(now: testNow))
        let full = try #require(loads(reduce(&s, .persistedSortLoaded(nil))).first { $0.purpose.isFull })
        let orders = Self.orders(300)
        _ = reduce(&s, .pageLoaded(id: full.id, orders: Array(orders[0..<100]), totalCount: 300))
        _ = reduce(&s, .pageLoaded(id: full.id, orders: Array(orders[0..<200]), totalCount: 300))
        #expect(s.loadProgress?.loaded == 200)
        #expect(s.loadProgress?.total == 300)
    }
}

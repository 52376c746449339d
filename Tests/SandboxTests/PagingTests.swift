import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Paging, fields and ordering")
struct PagingTests {
    @Test("X-Result-Count and Link headers follow Waldur's LinkHeaderPagination")
    func linkHeaders() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let first = try await h.raw("GET", "marketplace-orders/?page_size=7&state=done")
        #expect(first.status == 200)
        let total = try #require(first.header("X-Result-Count").flatMap { Int($0) })
        #expect(total > 21)
        let last = (total + 6) / 7
        let origin = h.sandbox.url.absoluteString + "marketplace-orders/"
        #expect(first.header("Link") == "<\(origin)?page_size=7&state=done>; rel=\"first\", <\(origin)?page=2&page_size=7&state=done>; rel=\"next\", <\(origin)?page=\(last)&page_size=7&state=done>; rel=\"last\"")
        let second = try await h.raw("GET", "marketplace-orders/?page_size=7&state=done&page=2")
        #expect(second.header("Link")?.contains("<\(origin)?page_size=7&state=done>; rel=\"prev\"") == true)
        let third = try await h.raw("GET", "marketplace-orders/?page=3&page_size=7&state=done")
        #expect(third.header("Link")?.contains("<\(origin)?page=2&page_size=7&state=done>; rel=\"prev\"") == true)
        let past = try await h.raw("GET", "marketplace-orders/?page_size=7&state=done&page=\(last + 1)")
        #expect(past.status == 404)
        #expect(String(decoding: past.body, as: UTF8.self) == #"{"detail":"Invalid page."}"#)
        let bogus = try await h.raw("GET", "marketplace-orders/?page=abc")
        #expect(bogus.status == 404)
        let plain = try await h.raw("GET", "marketplace-orders/")
        #expect(try Order.list(json: JSONParser.parse(plain.body)).count == 10)
        #expect(plain.header("Link")?.hasPrefix("<\(origin)>; rel=\"first\", <\(origin)?page=2>; rel=\"next\"") == true)
    }

    @Test("page_size is capped at 300 and falls back to 10 when invalid")
    func pageSizeCap() async throws {
        let h = try await Harness.start(orders: 400)
        defer { Task { await h.stop() } }
        let big = try await h.raw("GET", "marketplace-orders/?page_size=1000")
        #expect(try Order.list(json: JSONParser.parse(big.body)).count == 300)
        let zero = try await h.raw("GET", "marketplace-orders/?page_size=0")
        #expect(try Order.list(json: JSONParser.parse(zero.body)).count == 10)
    }

    @Test("the client's listOrders follows pages and gets every order exactly once")
    func clientPaging() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        var q = OrderListQuery()
        q.pageSize = 25
        var pages = 0
        var seen: [WaldurUUID] = []
        var announced: Int?
        for try await page in h.client("staff").listOrders(q) {
            pages += 1
            announced = announced ?? page.totalCount
            seen += page.orders.map(\.uuid)
        }
        #expect(pages >= 12)
        #expect(seen.count == announced)
        #expect(Set(seen).count == seen.count)
        #expect(seen.count == 300)
    }

    @Test("following rel=next links with the client visits every page in order")
    func followNext() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let c = h.client("member")
        let q = OrderListQuery.newestFirst(pageSize: 9)
        var page = try await c.listPage(q)
        var seen = page.orders
        var pages = 1
        while let next = page.next {
            page = try await c.listPage(url: next, page: page.page + 1)
            seen += page.orders
            pages += 1
        }
        #expect(seen.count == page.totalCount)
        #expect(pages == ((page.totalCount ?? 0) + 8) / 9)
        let created = seen.compactMap(\.created)
        #expect(created == created.sorted(by: >))
        #expect(Set(seen.map(\.uuid)).count == seen.count)
    }

    @Test("field= trims every order to the named keys, in the server's order")
    func fieldTrimming() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let r = try await h.raw("GET", "marketplace-orders/?field=state&field=uuid&field=cost&page_size=50")
        let items = try #require(try JSONParser.parse(r.body).arrayValue)
        #expect(items.count == 50)
        for item in items {
            #expect(item.objectValue?.map(\.0) == ["uuid", "cost", "state"])
        }
        let one = try #require(items.first?["uuid"]?.stringValue)
        let retrieved = try await h.client("staff").retrieve(WaldurUUID(one), fields: ["uuid", "state", "modified"])
        #expect(retrieved.state != nil && retrieved.modified != nil && retrieved.offeringName == nil)
    }

    @Test("o= orders by created, cost, state and consumer_reviewed_at, both directions")
    func ordering() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let c = h.client("staff")
        var q = OrderListQuery.newestFirst(pageSize: 300)
        let desc = try await c.listAll(q).compactMap(\.created)
        #expect(desc == desc.sorted(by: >))
        let plain = try await c.listAll(OrderListQuery()).compactMap(\.created)
        #expect(plain == plain.sorted())
        q.ordering = ["cost"]
        let costs = try await c.listAll(q).map { $0.cost?.value }
        let present = costs.compactMap { $0 }
        #expect(present == present.sorted())
        #expect(costs.firstIndex(where: { $0 == nil }).map { i in costs[i...].allSatisfy { $0 == nil } } ?? true)
        q.ordering = ["-cost"]
        let costsDesc = try await c.listAll(q).map { $0.cost?.value }
        #expect(costsDesc.first.flatMap { $0 } == nil)
        q.ordering = ["state", "-created"]
        let states = try await c.listAll(q).compactMap(\.state)
        let code: [String: Int] = ["pending-consumer": 1, "executing": 2, "done": 3, "erred": 4, "canceled": 5, "rejected": 6,
                                   "pending-provider": 7, "pending-project": 8, "pending-start-date": 9]
        let codes = states.map { code[$0.wire] ?? 99 }
        #expect(codes == codes.sorted())
        q.ordering = ["consumer_reviewed_at"]
        let reviewed = try await c.listAll(q).map(\.consumerReviewedAt)
        let r = reviewed.compactMap { $0 }
        #expect(r == r.sorted())
        #expect(reviewed.last.flatMap { $0 } == nil)
        let bad = try await h.raw("GET", "marketplace-orders/?o=bogus")
        #expect(bad.status == 400)
        #expect(String(decoding: bad.body, as: UTF8.self) == #"{"o":["Select a valid choice. bogus is not one of the available choices."]}"#)
    }
}

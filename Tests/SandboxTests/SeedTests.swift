import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Seeded data")
struct SeedTests {
    @Test("same seed, same data and tokens; another seed differs")
    func determinism() async throws {
        let a = try await Harness.start(seed: 7)
        let b = try await Harness.start(seed: 7)
        let c = try await Harness.start(seed: 8)
        defer { Task { await a.stop(); await b.stop(); await c.stop() } }
        #expect(a.sandbox.users == b.sandbox.users)
        #expect(a.sandbox.users != c.sandbox.users)
        for page in [1, 7, 15] {
            let x = try await a.raw("GET", "marketplace-orders/?page_size=20&page=\(page)")
            let y = try await b.raw("GET", "marketplace-orders/?page_size=20&page=\(page)")
            let z = try await c.raw("GET", "marketplace-orders/?page_size=20&page=\(page)")
            // Bodies name the host:port, which differs per sandbox; strip it.
            func norm(_ r: HTTPResponse, _ h: Harness) -> String {
                String(decoding: r.body, as: UTF8.self).replacingOccurrences(of: h.sandbox.url.absoluteString, with: "")
            }
            #expect(norm(x, a) == norm(y, b))
            #expect(norm(x, a) != norm(z, c))
        }
    }

    @Test("every served order decodes with Order(json:) and follows the wire conventions")
    func decodesAndConventions() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let r = try await h.raw("GET", "marketplace-orders/?page_size=300")
        let items = try #require(try JSONParser.parse(r.body).arrayValue)
        #expect(items.count == 300)
        var sawUpdateWithPlans = false, sawLimitUpdate = false, sawMultiLineTraceback = false
        for item in items {
            let o = try Order(json: item)
            #expect(o.uuid.raw.count == 32 && o.uuid.isWellFormed)
            if case let .string(cost)? = item["cost"] { #expect(cost.split(separator: ".").last?.count == 10) }
            if let est = item["old_cost_estimate"], !est.isNull { if case .number = est {} else { Issue.record("old_cost_estimate not a number") } }
            if let created = item["created"]?.stringValue { #expect(created.hasSuffix("Z") && created.count == 27) }
            #expect(o.created != nil && o.modified != nil && (o.modified ?? .distantPast) >= (o.created ?? .distantFuture))
            if o.type == .update && o.oldPlanName != nil && o.newPlanName != nil && o.oldCostEstimate != nil { sawUpdateWithPlans = true }
            if o.type == .update, o.attributes?["old_limits"] != nil { sawLimitUpdate = true }
            if (o.errorTraceback ?? "").contains("\n") && o.state == .erred { sawMultiLineTraceback = true }
            if o.state == .done { #expect(o.completedAt != nil) }
            if o.state == .pendingConsumer { #expect(item["consumer_reviewed_by"] == nil && item["consumer_reviewed_at"] == .null) }
            if o.type == .terminate { #expect(item["plan"] == .null && item["plan_name"] == nil && item["cost"] == .null) }
        }
        #expect(sawUpdateWithPlans && sawLimitUpdate && sawMultiLineTraceback)
        let names = items.compactMap { $0["resource_name"]?.stringValue }
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0x2000 } })
        #expect(names.contains { $0.count > 120 })
    }

    @Test("hostile mode adds orders with escapes, controls and unknown enums, and the server keeps serving")
    func hostile() async throws {
        let h = try await Harness.start(orders: 50, hostile: true)
        defer { Task { await h.stop() } }
        let r = try await h.raw("GET", "marketplace-orders/?page_size=300")
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("\\u001b[2J"))
        #expect(text.contains("\\u0000"))
        #expect(text.contains("\u{202E}"))
        #expect(text.contains("pending-quantum"))
        #expect(text.contains("\"Migrate\""))
        let items = try #require(try JSONParser.parse(r.body).arrayValue)
        #expect(items.count > 60)
        let orders = try Order.list(json: .array(items))
        #expect(orders.contains { if case .unknown = $0.state { return true } else { return false } })
    }

    @Test("stop() closes the port")
    func stops() async throws {
        let h = try await Harness.start(orders: 10)
        let url = h.sandbox.url
        #expect(try await h.client("staff").listPage(OrderListQuery()).orders.count == 10)
        await h.stop()
        let after = await failure { try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url, timeout: 5)) }
        #expect(after.0 == -1)
    }

    @Test("with activity on, the timer delivers new orders; with it off nothing changes")
    func activityTimer() async throws {
        var options = SandboxOptions()
        options.activity = true
        options.activityInterval = 0.05
        let live = Harness(sandbox: try await Sandbox.start(options))
        let still = try await Harness.start()
        defer { Task { await live.stop(); await still.stop() } }
        var count = 300
        for _ in 0..<200 where count == 300 {
            try await Task.sleep(nanoseconds: 50_000_000)
            count = Int(try await live.raw("GET", "marketplace-orders/?page_size=1").header("X-Result-Count") ?? "") ?? 300
        }
        #expect(count > 300)
        let before = try await still.raw("GET", "marketplace-orders/?page_size=300&field=uuid&field=state&field=modified").body
        try await Task.sleep(nanoseconds: 200_000_000)
        let after = try await still.raw("GET", "marketplace-orders/?page_size=300&field=uuid&field=state&field=modified").body
        #expect(before == after)
    }

    @Test("activity ticks add orders and move executing ones along")
    func activity() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let before = try await h.all()
        for _ in 0..<6 { await h.sandbox.tick() }
        let after = try await h.all()
        #expect(after.count > before.count)
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.uuid, $0.state) })
        let moved = after.filter { old[$0.uuid] == .executing && ($0.state == .done || $0.state == .erred) }
        #expect(!moved.isEmpty)
    }
}

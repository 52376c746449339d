import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Faults and mutation counters")
struct FaultTests {
    @Test("the spec grammar parses and rejects what it should")
    func grammar() throws {
        let f = try SandboxFaults(spec: "latency=200ms, error=0.3:503:list+retrieve, stall=offering, drop=approve_by_consumer")
        #expect(f.rules.count == 4)
        #expect(f.rules[1].scopes == ["list", "retrieve"])
        #expect(try SandboxFaults(spec: "none").rules.isEmpty)
        #expect(throws: SandboxFaultSpecError.self) { try SandboxFaults(spec: "error=2:503") }
        #expect(throws: SandboxFaultSpecError.self) { try SandboxFaults(spec: "latency=fast") }
        #expect(throws: SandboxFaultSpecError.self) { try SandboxFaults(spec: "drop=nowhere") }
        #expect(try SandboxFaults(spec: "truncate=list, garbage=retrieve+offering").rules.map(\.effect) == [.truncate, .garbage])
    }

    @Test("error, drop and counters over real HTTP")
    func injected() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        try await h.sandbox.setFaults("error=1:503:list")
        let r = try await h.raw("GET", "marketplace-orders/")
        #expect(r.status == 503 && r.header("Retry-After") == "1" && r.header("Content-Type") == "text/html")
        try await h.sandbox.setFaults("error=1:429:retrieve")
        let o = try #require(try await h.client("staff").listPage(.states(.pendingProvider)).orders.first)
        let limited = try await h.raw("GET", "marketplace-orders/\(o.uuid.hex)/")
        #expect(limited.status == 429 && limited.header("Retry-After") == "1")
        try await h.sandbox.setFaults("drop=approve_by_provider")
        let dropped = await failure { try await h.client("provider").approveByProvider(o.uuid) }
        #expect(dropped.0 == -1)
        #expect(await h.sandbox.mutationCount(order: o.uuid.hex, action: "approve_by_provider") == 1)
        try await h.sandbox.setFaults("none")
        #expect(try await h.client("provider").approveByProvider(o.uuid).status == 200)
        #expect(await h.sandbox.mutationCount(order: o.uuid.raw.uppercased(), action: "approve_by_provider") == 2)
        #expect(await h.sandbox.mutationCount(order: o.uuid.hex, action: "cancel") == 0)
    }

    @Test("truncated and non-JSON bodies: complete responses the client reports as unreadable")
    func bodyFaults() async throws {
        let h = try await Harness.start(orders: 20)
        defer { Task { await h.stop() } }
        let whole = try await h.raw("GET", "marketplace-orders/")
        let known = WaldurUUID(try await h.firstUUID())
        try await h.sandbox.setFaults("truncate=list")
        let cut = try await h.raw("GET", "marketplace-orders/")
        #expect(cut.status == 200 && cut.body.count == whole.body.count / 2)
        #expect(cut.body == Array(whole.body.prefix(cut.body.count)), "the real body, cut")
        let truncated = await failure { try await h.client("staff").listPage(OrderListQuery()) }
        #expect(truncated.0 == -1 && truncated.1?.isEmpty == false, "\(String(describing: truncated.1))")
        // Other routes are untouched.
        #expect(try await h.client("staff").retrieve(known).state != nil)
        try await h.sandbox.setFaults("garbage=retrieve")
        let page = try await h.raw("GET", "marketplace-orders/\(known.hex)/")
        #expect(page.status == 200 && page.header("Content-Type") == "text/html")
        let garbage = await failure { try await h.client("staff").retrieve(known) }
        #expect(garbage.0 == -1 && garbage.1?.isEmpty == false, "\(String(describing: garbage.1))")
    }
}

@Suite("Lifecycle")
struct LifecycleTests {
    @Test("a stalled request times out on the client, and stop() still returns")
    func stallThenStop() async throws {
        let h = try await Harness.start(orders: 20, faults: "stall=list")
        let url = URL(string: h.sandbox.url.absoluteString + "marketplace-orders/") ?? h.sandbox.url
        let outcome = await failure {
            try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url, headers: [("Authorization", "Token " + h.token("staff"))], timeout: 1))
        }
        #expect(outcome.0 == -1)
        // Other routes still answer while a list is stalled.
        let known = await h.sandbox.store.orders[0].key.hex
        let one = try await h.client("staff").retrieve(WaldurUUID(known)).state
        #expect(one != nil)
        await h.stop()
    }

    @Test("binding a port that is taken fails start")
    func portInUse() async throws {
        let h = try await Harness.start(orders: 5)
        defer { Task { await h.stop() } }
        var options = SandboxOptions()
        options.port = try #require(h.sandbox.url.port)
        await #expect(throws: (any Error).self) { _ = try await Sandbox.start(options) }
    }

    @Test("GET without the trailing slash redirects like Django's APPEND_SLASH")
    func appendSlash() async throws {
        let h = try await Harness.start(orders: 5)
        defer { Task { await h.stop() } }
        let r = try await h.raw("GET", "marketplace-orders?page_size=2")
        #expect(r.status == 200)
        #expect(try Order.list(json: JSONParser.parse(r.body)).count == 2)
    }
}

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
}

import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Scale")
struct ScaleTests {
    @Test("100,000 orders build and are served; prints the build and page times (no timed assertion)")
    func hundredThousand() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let h = try await Harness.start(orders: 100_000)
        defer { Task { await h.stop() } }
        let built = clock.now - started
        let pageStart = clock.now
        let first = try await h.raw("GET", "marketplace-orders/?page_size=300&o=-created")
        let firstPage = clock.now - pageStart
        #expect(first.header("X-Result-Count") == "100000")
        let orders = try Order.list(json: JSONParser.parse(first.body))
        #expect(orders.count == 300)
        let trimmedStart = clock.now
        let last = try await h.raw("GET", "marketplace-orders/?page_size=50&page=2000&field=uuid&field=state")
        let lastPage = clock.now - trimmedStart
        #expect(try Order.list(json: JSONParser.parse(last.body)).count == 50)
        let filterStart = clock.now
        let filtered = try await h.raw("GET", "marketplace-orders/?state=pending-provider&can_approve_as_provider=true&page_size=50", role: "provider")
        let filterTime = clock.now - filterStart
        #expect(Int(filtered.header("X-Result-Count") ?? "0") ?? 0 > 1000)
        print("sandbox-scale: \(MemoryLayout<StoredOrder>.stride) bytes per stored order; built+bound 100000 orders in \(built); first page (300, o=-created) \(firstPage); page 2000 trimmed \(lastPage); filtered provider queue \(filterTime)")
    }
}

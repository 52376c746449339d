import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Garbage requests")
struct GarbageTests {
    @Test("seeded random paths, queries and bodies never produce a 500 and the server keeps answering")
    func garbage() async throws {
        let h = try await Harness.start(orders: 60)
        defer { Task { await h.stop() } }
        let known = await h.sandbox.store.orders[3].key.hex
        var rng = SeededRandom(seed: 42)
        let paths = ["marketplace-orders/", "marketplace-orders/\(known)/", "marketplace-orders/\(known)/approve_by_consumer/",
                     "marketplace-orders/\(known)/set_state_erred/", "marketplace-orders/\(known)/update_attachment/",
                     "marketplace-orders/\(known)/offering/", "marketplace-orders/%00/", "marketplace-orders/\(known.uppercased())/cancel/",
                     "marketplace-orders/../../etc/passwd", "marketplace-orders//", "marketplace-orders/\(known)/set_backend_id/"]
        let methods = ["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"]
        let queries = ["state=", "page=0", "page=-3", "page_size=-1", "o=-", "o=cost,,state", "created=2026-02-30", "query=%FF%FE",
                       "field=", "offering_uuid=,,", "state=done&state=bogus", "page=last", "modified=9999-12-31T23:59:59.999999Z",
                       "can_approve_as_provider=2", "%zz=%", "o=-consumer_reviewed_at&page_size=300"]
        let bodies: [String?] = [nil, "", "{", "[]", "null", "\"str\"", "{\"error_message\": null, \"error_traceback\": 5}",
                                 "{\"backend_id\": [1]}", "{\"offering\": {}}", String(repeating: "[", count: 600), "{\"a\":1e999999}"]
        let types: [String?] = [nil, "application/json", "multipart/form-data; boundary=x", "multipart/form-data", "text/plain",
                                "application/x-www-form-urlencoded"]
        for _ in 0..<250 {
            let method = rng.pick(methods)
            let path = rng.pick(paths) + (rng.chance(0.5) ? "?" + rng.pick(queries) : "")
            let picked = rng.pick(bodies)
            // URLSession refuses to send a body with GET or HEAD.
            let body = method == "GET" || method == "HEAD" ? nil : picked
            let role = rng.pick(["staff", "consumer", "member", "provider"])
            let type = rng.pick(types)
            do {
                let r = try await h.raw(method, path, role: role, body: body.map { Array($0.utf8) }, contentType: type)
                #expect(r.status < 500, "\(method) \(path) \(body ?? "nil")")
            } catch {
                Issue.record("\(method) \(path) body=\(body?.prefix(40) ?? "nil") type=\(type ?? "nil"): \(error)")
            }
        }
        #expect(try await h.client("staff").listPage(OrderListQuery()).totalCount != nil)
    }
}

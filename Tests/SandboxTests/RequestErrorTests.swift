import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Authentication and malformed requests")
struct RequestErrorTests {
    @Test("401 with WWW-Authenticate: Token and the recorded texts")
    func unauthorized() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let cases: [(String?, String)] = [
            (nil, "Authentication credentials were not provided."),
            ("Token 0000000000000000000000000000000000000000", "Invalid token."),
            ("Token two words", "Invalid token. Token string should not contain spaces."),
            ("Token", "Invalid token header. No credentials provided."),
        ]
        for (header, text) in cases {
            let r = try await h.raw("GET", "marketplace-orders/", role: nil, authorization: header)
            #expect(r.status == 401)
            #expect(r.header("WWW-Authenticate") == "Token")
            #expect(String(decoding: r.body, as: UTF8.self) == "{\"detail\":\"\(text)\"}")
        }
        let bearer = try await h.raw("GET", "marketplace-orders/?page_size=1", role: nil, authorization: "Bearer " + h.token("member"))
        #expect(bearer.status == 200)
    }

    @Test("malformed JSON, non-objects, wrong types, unsupported media, oversized bodies, unknown routes and methods")
    func malformed() async throws {
        var options = SandboxOptions()
        options.maxBodyBytes = 4096
        let h = Harness(sandbox: try await Sandbox.start(options))
        defer { Task { await h.stop() } }
        let erred = try #require(try await h.find(.states(.erred)) { $0.offeringType == "Marketplace.Slurm" })
        let path = "marketplace-orders/\(erred.uuid.hex)/set_state_erred/"
        let broken = try await h.raw("POST", path, role: "provider", body: Array("{\"error_message\": ".utf8), contentType: "application/json")
        #expect(broken.status == 400)
        #expect(detail(try JSONParser.parse(broken.body))?.hasPrefix("JSON parse error - ") == true)
        let list = try await h.raw("POST", path, role: "provider", body: Array("[1,2]".utf8), contentType: "application/json")
        #expect(String(decoding: list.body, as: UTF8.self) == #"{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}"#)
        let typed = try await h.raw("POST", path, role: "provider", body: Array(#"{"error_message": {"a": 1}, "error_traceback": ""}"#.utf8), contentType: "application/json")
        #expect(String(decoding: typed.body, as: UTF8.self) == #"{"error_message":["Not a valid string."]}"#)
        let media = try await h.raw("POST", path, role: "provider", body: Array("hello".utf8), contentType: "text/plain")
        #expect(media.status == 415)
        let big = try await h.raw("POST", "marketplace-orders/", role: "consumer", body: Array(repeating: UInt8(ascii: "a"), count: 10_000), contentType: "application/json")
        #expect(big.status == 413)
        let route = try await h.raw("GET", "marketplace-orders/\(erred.uuid.hex)/frobnicate/")
        #expect(route.status == 404 && route.header("Content-Type")?.hasPrefix("text/html") == true)
        let patch = try await h.raw("PATCH", "marketplace-orders/\(erred.uuid.hex)/", body: Array("{}".utf8), contentType: "application/json")
        #expect(patch.status == 405 && String(decoding: patch.body, as: UTF8.self) == #"{"detail":"Method \"PATCH\" not allowed."}"#)
        let getAction = try await h.raw("GET", "marketplace-orders/\(erred.uuid.hex)/approve_by_consumer/")
        #expect(getAction.status == 405 && getAction.header("Allow") == "POST, OPTIONS")
        let badPath = try await h.raw("POST", "marketplace-orders/zzz/approve_by_consumer/")
        let badPathBody = try JSONParser.parse(badPath.body)
        #expect(badPath.status == 404 && detail(badPathBody) == "No Order matches the given query.")
        // Still serving after all that.
        #expect(try await h.client("staff").listPage(OrderListQuery()).orders.count == 10)
    }
}

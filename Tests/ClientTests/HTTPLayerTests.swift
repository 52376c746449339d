import Foundation
import Testing
@testable import WaldurClient

/// The client against a real HTTP server on 127.0.0.1: paging, retries, timeouts, error mapping.
@Suite struct HTTPLayerTests {
    actor Sleeps {
        var seconds: [TimeInterval] = []
        func add(_ s: TimeInterval) { seconds.append(s) }
    }

    func client(_ server: TestHTTPServer, token: String? = "s3cr3t-token", retries: Int = 2, timeout: TimeInterval = 5,
                sleeps: Sleeps? = nil) -> WaldurClient {
        let config = ClientConfiguration(apiRoot: URL(string: server.baseURL + "/api/") ?? URL(fileURLWithPath: "/"),
                                         token: token.map(APIToken.init), requestTimeout: timeout,
                                         retryPolicy: RetryPolicy(maxRetries: retries, baseDelay: 0.01, maxDelay: 0.02))
        return WaldurClient(configuration: config, transport: CurlTransport(), sleep: { s in
            await sleeps?.add(s)
            try await Task.sleep(nanoseconds: UInt64(min(s, 0.05) * 1e9))
        })
    }

    static func orders(_ range: Range<Int>) -> String {
        "[" + range.map { #"{"uuid":"\#(String(format: "%032x", $0))","state":"done","cost":"\#($0).5000000000"}"# }.joined(separator: ",") + "]"
    }

    /// Serves `total` orders in pages of `size`, with or without the count header.
    static func pagingServer(total: Int, size: Int, announceCount: Bool = true) throws -> TestHTTPServer {
        let holder = ServerBox()
        let server = try TestHTTPServer { request, _ in
            let comps = URLComponents(string: "http://x" + request.target)
            let page = Int(comps?.queryItems?.first { $0.name == "page" }?.value ?? "1") ?? 1
            let pageSize = Int(comps?.queryItems?.first { $0.name == "page_size" }?.value ?? "\(size)") ?? size
            let start = (page - 1) * pageSize
            guard start < total || page == 1 else { return .json(404, #"{"detail": "Invalid page."}"#) }
            var headers: [(String, String)] = []
            if announceCount { headers.append(("X-Result-Count", "\(total)")) }
            if start + pageSize < total {
                headers.append(("Link", "<\(holder.base)/api/marketplace-orders/?page=\(page + 1)&page_size=\(pageSize)>; rel=\"next\""))
            }
            return .json(200, orders(start..<min(total, start + pageSize)), headers: headers)
        }
        holder.base = server.baseURL
        return server
    }

    final class ServerBox: @unchecked Sendable { var base = "" }

    @Test(arguments: [true, false])
    func pagingDeliversEveryOrderInOrder(announceCount: Bool) async throws {
        let server = try Self.pagingServer(total: 23, size: 5, announceCount: announceCount)
        defer { server.stop() }
        var query = OrderListQuery()
        query.pageSize = 5
        var pages: [OrderPage] = []
        for try await page in client(server).listOrders(query, concurrency: 3) { pages.append(page) }
        #expect(pages.map(\.orders.count) == [5, 5, 5, 5, 3])
        #expect(pages.flatMap(\.orders).map(\.uuid.hex) == (0..<23).map { String(format: "%032x", $0) })
        #expect(pages.first?.totalCount == (announceCount ? 23 : nil))
        #expect(server.requests.count == 5)
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Token s3cr3t-token" })
        let first = try #require(pages.first?.orders.first)
        #expect(first.cost?.text == "0.5000000000")
    }

    @Test func retriesReadsOn503UntilSuccess() async throws {
        let server = try TestHTTPServer { _, index in index < 2 ? .json(503, #"{"detail":"busy"}"#) : .json(200, "[]") }
        defer { server.stop() }
        let page = try await client(server, retries: 3).listPage(OrderListQuery())
        #expect(page.orders.isEmpty)
        #expect(server.requests.count == 3)
    }

    @Test func retriesStopAtTheLimit() async throws {
        let server = try TestHTTPServer { _, _ in .json(502, #"{"detail":"bad gateway"}"#) }
        defer { server.stop() }
        await #expect(throws: WaldurError.http(status: 502, serverMessage: "bad gateway", retryAfter: nil)) {
            try await client(server, retries: 2).listPage(OrderListQuery())
        }
        #expect(server.requests.count == 3)
    }

    @Test func waitsForRetryAfterOn429() async throws {
        let server = try TestHTTPServer { _, index in index == 0 ? .json(429, #"{"detail":"Request was throttled."}"#, headers: [("Retry-After", "7")]) : .json(200, "[]") }
        defer { server.stop() }
        let sleeps = Sleeps()
        _ = try await client(server, sleeps: sleeps).listPage(OrderListQuery())
        #expect(await sleeps.seconds == [7])
        #expect(server.requests.count == 2)
    }

    @Test func writesAreNeverRetried() async throws {
        let server = try TestHTTPServer { _, _ in .json(503, #"{"detail":"busy"}"#, headers: [("Retry-After", "1")]) }
        defer { server.stop() }
        await #expect(throws: WaldurError.http(status: 503, serverMessage: "busy", retryAfter: 1)) {
            try await client(server, retries: 3).approveByConsumer("aa")
        }
        #expect(server.requests.count == 1)
        let dropping = try TestHTTPServer { _, _ in .drop }
        defer { dropping.stop() }
        do {
            try await client(dropping, retries: 3).cancel("aa")
            Issue.record("a dropped connection must fail")
        } catch {
            #expect(error.outcomeUnknown, "\(error)")
        }
        #expect(dropping.requests.count == 1)
    }

    @Test func droppedReadsAreRetried() async throws {
        let server = try TestHTTPServer { _, index in index == 0 ? .drop : .json(200, #"{"uuid":"aa","state":"done"}"#) }
        defer { server.stop() }
        let order = try await client(server).retrieve("aa")
        #expect(order.state == .done)
        #expect(server.requests.count == 2)
    }

    @Test func requestsTimeOut() async throws {
        let server = try TestHTTPServer { _, _ in .delayed(3, status: 200, body: Array("[]".utf8)) }
        defer { server.stop() }
        await #expect(throws: WaldurError.transport(.timeout, detail: "127.0.0.1")) {
            try await client(server, retries: 0, timeout: 0.5).listPage(OrderListQuery())
        }
    }

    @Test func slowAnswersWithinTheTimeoutArrive() async throws {
        let server = try TestHTTPServer { _, _ in .delayed(0.6, status: 200, body: Array("[]".utf8)) }
        defer { server.stop() }
        let page = try await client(server, retries: 0, timeout: 5).listPage(OrderListQuery())
        #expect(page.orders.isEmpty)
    }

    @Test func refusedConnectionsAreNamed() async throws {
        let server = try TestHTTPServer { _, _ in .drop }
        let port = server.port
        server.stop()
        let config = ClientConfiguration(apiRoot: URL(string: "http://127.0.0.1:\(port)/api/") ?? URL(fileURLWithPath: "/"), token: nil,
                                         retryPolicy: .none)
        await #expect(throws: WaldurError.transport(.connectionRefused, detail: "127.0.0.1")) {
            try await WaldurClient(configuration: config).listPage(OrderListQuery())
        }
    }

    @Test(arguments: [
        (400, #"["Order is already reviewed by consumer."]"#, "HTTP 400 Bad Request: Order is already reviewed by consumer."),
        (401, #"{"detail":"Invalid token."}"#, "HTTP 401 Unauthorized: Invalid token. Check the API token"),
        (403, #"{"detail":"You do not have permission to perform this action."}"#, "HTTP 403 Forbidden: You do not have permission to perform this action."),
        (404, #"{"detail":"No Order matches the given query."}"#, "HTTP 404 Not Found: No Order matches the given query."),
        (405, #"{"detail":"Method \"The order's offering with Marketplace.Basic type does not support this action\" not allowed."}"#, "HTTP 405 Method Not Allowed: Method \"The order's"),
        (409, #"{"detail":"Valid states for operation: pending-consumer."}"#, "HTTP 409 Conflict: Valid states for operation: pending-consumer."),
        (429, #"{"detail":"Request was throttled."}"#, "HTTP 429 Too Many Requests: Request was throttled."),
        (500, "<!DOCTYPE html><html><body>Server Error</body></html>", "HTTP 500 Internal Server Error: the server sent an HTML page"),
    ])
    func errorsCarryTheServersMessage(status: Int, body: String, prefix: String) async throws {
        let server = try TestHTTPServer { _, _ in
            .respond(status: status, headers: [("Content-Type", body.hasPrefix("<") ? "text/html" : "application/json")], body: Array(body.utf8))
        }
        defer { server.stop() }
        do {
            try await client(server, retries: 0).approveByProvider("aa")
            Issue.record("expected an error")
        } catch {
            #expect(error.status == status)
            #expect(error.message.hasPrefix(prefix), "\(error.message)")
        }
    }

    @Test func tokenEchoedByTheServerIsRedacted() async throws {
        let server = try TestHTTPServer { request, _ in
            .json(400, #"{"detail":"bad header \#(request.headers["authorization"] ?? "")"}"#)
        }
        defer { server.stop() }
        do {
            _ = try await client(server, retries: 0).listPage(OrderListQuery())
            Issue.record("expected an error")
        } catch {
            #expect(!error.message.contains("s3cr3t-token"))
            #expect(error.message.contains("<redacted>"))
        }
    }

    @Test func successBodiesMayBeEmptyOrCarryDetail() async throws {
        let server = try TestHTTPServer { request, _ in
            request.target.contains("approve") ? .json(200, #"{"detail":"Order has been approved."}"#) : .respond(status: 202, headers: [], body: [])
        }
        defer { server.stop() }
        let c = client(server)
        #expect(try await c.approveByConsumer("aa") == ActionResult(status: 200, detail: "Order has been approved."))
        #expect(try await c.cancel("aa") == ActionResult(status: 202, detail: nil))
    }

    @Test func undecodableSuccessNamesTheField() async throws {
        let server = try TestHTTPServer { request, _ in
            request.target.contains("page=") ? .respond(status: 200, headers: [], body: Array("<html>".utf8)) : .json(200, #"[{"uuid":"aa"},{"uuid":"bb","modified":"never"}]"#)
        }
        defer { server.stop() }
        await #expect(throws: WaldurError.undecodable(JSONDecodingError(path: "[1].modified", reason: #"expected an ISO 8601 timestamp, got "never""#))) {
            try await client(server).listPage(OrderListQuery())
        }
        var q = OrderListQuery()
        q.page = 2
        do {
            _ = try await client(server).listPage(q)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("The server's answer could not be read: invalid JSON at byte 0"))
        }
    }
}

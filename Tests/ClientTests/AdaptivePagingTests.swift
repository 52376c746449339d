import Foundation
import Testing
@testable import WaldurClient

/// `listOrders` against loopback servers whose latency behaves like a real one: the pages in flight follow the
/// latency, and a slow page is waited for, never asked twice. Assertions are on what the server saw, not on time.
@Suite(.serialized) struct AdaptivePagingTests {
    /// Counts the pages being served at once and the requests per page.
    final class Load: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var maxRunning = 0
        private(set) var requestsPerPage: [Int: Int] = [:]

        func begin(page: Int) -> Int {
            lock.withLock {
                running += 1
                maxRunning = max(maxRunning, running)
                requestsPerPage[page, default: 0] += 1
                return running
            }
        }

        var current: Int { lock.withLock { running } }
        func end() { lock.withLock { running -= 1 } }
        var snapshot: (max: Int, perPage: [Int: Int]) { lock.withLock { (maxRunning, requestsPerPage) } }
    }

    /// Serves `total` orders in pages of `size`; `work(page)` is the seconds of server time a page needs, and
    /// `shared` makes the pages in flight share the server (processor sharing: k at once take k times as long).
    static func server(total: Int, size: Int, load: Load, shared: Bool, work: @escaping @Sendable (Int) -> TimeInterval) throws -> TestHTTPServer {
        try TestHTTPServer { request, _ in
            let comps = URLComponents(string: "http://x" + request.target)
            let page = Int(comps?.queryItems?.first { $0.name == "page" }?.value ?? "1") ?? 1
            _ = load.begin(page: page)
            defer { load.end() }
            var done = 0.0
            let need = work(page)
            while done < need {
                Thread.sleep(forTimeInterval: 0.01)
                done += shared ? 0.01 / Double(max(1, load.current)) : 0.01
            }
            let start = (page - 1) * size
            let body = "[" + (start..<min(total, start + size)).map { #"{"uuid":"\#(String(format: "%032x", $0))","state":"done"}"# }
                .joined(separator: ",") + "]"
            return .json(200, body, headers: [("X-Result-Count", "\(total)"), ("Link", start + size < total ? "<http://x/?page=\(page + 1)>; rel=\"next\"" : "")])
        }
    }

    func fetch(_ server: TestHTTPServer, size: Int, concurrency: Int, timeout: TimeInterval = 30) async throws -> [Order] {
        let config = ClientConfiguration(apiRoot: URL(string: server.baseURL + "/api/") ?? URL(fileURLWithPath: "/"), token: nil,
                                         requestTimeout: timeout, retryPolicy: RetryPolicy(maxRetries: 2, baseDelay: 0.01, maxDelay: 0.02))
        var query = OrderListQuery()
        query.pageSize = size
        return try await WaldurClient(configuration: config).listAll(query, concurrency: concurrency)
    }

    @Test func aServerThatSlowsWithConcurrencyGetsFewerPagesThanAFlatOne() async throws {
        let sharedLoad = Load()
        let shared = try Self.server(total: 60, size: 5, load: sharedLoad, shared: true) { _ in 0.3 }
        defer { shared.stop() }
        let sharedOrders = try await fetch(shared, size: 5, concurrency: 6)
        #expect(sharedOrders.map(\.uuid.hex) == (0..<60).map { String(format: "%032x", $0) })

        let flatLoad = Load()
        let flat = try Self.server(total: 150, size: 5, load: flatLoad, shared: false) { _ in 0.15 }
        defer { flat.stop() }
        let flatOrders = try await fetch(flat, size: 5, concurrency: 6)
        #expect(flatOrders.count == 150)

        let s = sharedLoad.snapshot, f = flatLoad.snapshot
        #expect(s.perPage.values.allSatisfy { $0 == 1 }, "every page asked once: \(s.perPage)")
        #expect(f.perPage.values.allSatisfy { $0 == 1 }, "every page asked once: \(f.perPage)")
        #expect(s.max <= 3, "the sharing server saw \(s.max) pages at once")
        #expect(f.max <= 6, "never above the cap: \(f.max)")
        #expect(f.max > s.max, "the flat server got more pages at once (\(f.max)) than the sharing one (\(s.max))")
    }

    @Test func aSlowPageIsWaitedForNotAskedAgain() async throws {
        let load = Load()
        // Every page takes 0.5 s but page 4, which takes longer than the configured 1 s timeout.
        let server = try Self.server(total: 40, size: 5, load: load, shared: false) { $0 == 4 ? 1.4 : 0.5 }
        defer { server.stop() }
        let orders = try await fetch(server, size: 5, concurrency: 2, timeout: 1)
        #expect(orders.count == 40)
        #expect(load.snapshot.perPage == Dictionary(uniqueKeysWithValues: (1...8).map { ($0, 1) }))
    }

    /// A transport whose first answer is a timeout.
    final class TimeoutOnce: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [HTTPRequest] = []
        var requests: [HTTPRequest] { lock.withLock { sent } }

        func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse {
            let count = lock.withLock { sent.append(request); return sent.count }
            if count == 1 { throw WaldurError.transport(.timeout, detail: "waldur.example") }
            return HTTPResponse(status: 200, body: Array("[]".utf8))
        }
    }

    @Test func aReadThatTimedOutIsAskedAgainWithTwiceTheTime() async throws {
        let transport = TimeoutOnce()
        let client = WaldurClient.testing(transport, timeout: 7)
        _ = try await client.listPage(OrderListQuery())
        #expect(transport.requests.map(\.timeout) == [7, 14])
    }
}

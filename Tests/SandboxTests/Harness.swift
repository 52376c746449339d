import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

/// A sandbox for one test, with clients and raw requests per role.
struct Harness {
    let sandbox: RunningSandbox

    static func start(orders: Int = 300, seed: UInt64 = 1, hostile: Bool = false, faults: String? = nil) async throws -> Harness {
        var options = SandboxOptions()
        options.orderCount = orders
        options.seed = seed
        options.hostile = hostile
        options.faults = faults
        return Harness(sandbox: try await Sandbox.start(options))
    }

    func stop() async { await sandbox.stop() }

    func token(_ role: String) -> String { sandbox.user(role: role)?.token ?? "missing" }

    func client(_ role: String) -> WaldurClient {
        var policy = RetryPolicy.default
        policy.maxRetries = 0
        return WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(token(role)), retryPolicy: policy))
    }

    /// A raw exchange, so status, headers and exact bodies can be checked.
    func raw(_ method: String, _ path: String, role: String? = "staff", authorization: String? = nil,
             body: [UInt8]? = nil, contentType: String? = nil) async throws -> HTTPResponse {
        let url = URL(string: sandbox.url.absoluteString + path) ?? sandbox.url
        var headers: [(String, String)] = []
        if let authorization { headers.append(("Authorization", authorization)) } else if let role { headers.append(("Authorization", "Token " + token(role))) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        return try await URLSessionTransport().send(HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: 10))
    }

    func json(_ method: String, _ path: String, role: String = "staff", body: String? = nil) async throws -> (Int, JSONValue?) {
        let r = try await raw(method, path, role: role, body: body.map { Array($0.utf8) }, contentType: body == nil ? nil : "application/json")
        return (r.status, r.body.isEmpty ? nil : try? JSONParser.parse(r.body))
    }

    /// Every order the role can see (full bodies), through the real client.
    func all(_ role: String = "staff", _ query: OrderListQuery = OrderListQuery()) async throws -> [Order] {
        var q = query
        if q.pageSize == nil { q.pageSize = 300 }
        return try await client(role).listAll(q)
    }

    /// The first order of the staff list matching a predicate.
    func find(_ query: OrderListQuery = OrderListQuery(), _ role: String = "staff", where predicate: (Order) -> Bool) async throws -> Order? {
        try await all(role, query).first(where: predicate)
    }
}

extension OrderListQuery {
    static func states(_ s: OrderState...) -> OrderListQuery {
        var q = OrderListQuery()
        q.state = s
        q.pageSize = 300
        return q
    }

    /// Newest first, `pageSize` to a page.
    static func newestFirst(pageSize: Int) -> OrderListQuery {
        var q = OrderListQuery()
        q.pageSize = pageSize
        q.ordering = ["-created"]
        return q
    }
}

func detail(_ v: JSONValue?) -> String? { v?["detail"]?.stringValue }

extension Harness {
    /// The uuid of some order, read with a trimmed list.
    func firstUUID() async throws -> String {
        let r = try await raw("GET", "marketplace-orders/?field=uuid&page_size=1")
        return try JSONParser.parse(r.body)[0]?["uuid"]?.stringValue ?? ""
    }
}

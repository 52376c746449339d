import Foundation
import Testing
import WaldurClient

/// The order commands against a real Waldur Mastermind (see ../shared/real-waldur/): run when `WALDUR_REAL_URL` and
/// the tokens `WALDUR_REAL_STAFF_TOKEN`, `WALDUR_REAL_PROVIDER_TOKEN`, `WALDUR_REAL_CONSUMER_TOKEN` are set (they
/// change orders on that server); skipped otherwise. CI stays on the sandbox.
@Suite(.serialized, .enabled(if: RealServer.configured, "set WALDUR_REAL_URL, WALDUR_REAL_STAFF_TOKEN, WALDUR_REAL_PROVIDER_TOKEN and WALDUR_REAL_CONSUMER_TOKEN to run these against a real Waldur"))
struct RealServerTests {
    let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("order-commands-real-\(UUID().uuidString)")

    func run(_ role: String, _ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments, environment: ["WALDUR_API_URL": RealServer.url, "WALDUR_ACCESS_TOKEN": RealServer.token(role),
                                                "XDG_STATE_HOME": stateHome.path])
    }

    func client(_ role: String) -> WaldurClient {
        WaldurClient(configuration: ClientConfiguration(apiRoot: URL(string: RealServer.url) ?? URL(fileURLWithPath: "/"), token: APIToken(RealServer.token(role))))
    }

    func json(_ text: String) throws -> [JSONValue] { try JSONParser.parse(text).arrayValue ?? [] }

    func approvable(_ role: String, consumer: Bool) async throws -> [Order] {
        var q = OrderListQuery()
        if consumer { q.canApproveAsConsumer = true; q.state = [.pendingConsumer] } else { q.canApproveAsProvider = true; q.state = [.pendingProvider] }
        return try await client(role).listAll(q)
    }

    @Test func getPrintsTheOrderAsSent() async throws {
        let order = try #require(try await approvable("provider", consumer: false).first).uuid
        let c = client("staff")
        let wire = try JSONParser.parse(try await c.perform(HTTPRequest(method: "GET", url: c.ordersURL(order))).body)
        let got = try run("staff", ["get", String(order.hex.prefix(10)), "--format", "json"])
        #expect(got.status == 0, "\(got.stderr)")
        #expect(try json(got.stdout).first == wire)
    }

    @Test func approveAsProviderThenWaitThenDone() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let order = try #require(try await approvable("provider", consumer: false).first { $0.offeringType == "Marketplace.Basic" }).uuid.hex
        let dry = try run("provider", ["approve", order, "--dry-run", "--format", "json"])
        #expect(try json(dry.stdout).first?["outcome"]?.stringValue == "would-send")
        #expect(try await client("staff").retrieve(WaldurUUID(order)).state == .pendingProvider, "the dry run sent nothing")

        let approved = try run("provider", ["approve", order, "--format", "json"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try json(approved.stdout).first?["state"]?.stringValue == "executing")
        let waited = try run("provider", ["wait", order, "--until", "executing,done", "--timeout", "30s", "--format", "json"])
        #expect(waited.status == 0, "\(waited.stderr)")
        let done = try run("provider", ["set-state", "done", order, "--format", "json"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try json(done.stdout).first?["state"]?.stringValue == "done")
    }

    @Test func rejectAndCancelAsConsumer() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let pending = try await approvable("consumer", consumer: true).filter { $0.offeringType == "Marketplace.Basic" }
        try #require(pending.count >= 2)
        let rejected = try run("consumer", ["reject", pending[0].uuid.hex, "--format", "json"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try json(rejected.stdout).first?["state"]?.stringValue == "rejected")
        let canceled = try run("consumer", ["cancel", pending[1].uuid.hex, "--format", "json"])
        #expect(canceled.status == 0, "\(canceled.stderr)")
        #expect(try json(canceled.stdout).first?["http_status"]?.intValue == 202)
        #expect(try json(canceled.stdout).first?["state"]?.stringValue == "canceled")
    }

    @Test func setStateErredOnAPendingSlurmOrderKeepsItsState() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let order = try #require(try await approvable("provider", consumer: false).first { $0.offeringType == "Marketplace.Slurm" }).uuid.hex
        let erred = try run("provider", ["set-state", "erred", order, "--message", "checked by waldur-orders", "--traceback", "-", "--format", "json"])
        #expect(erred.status == 0, "\(erred.stderr)")
        #expect(try json(erred.stdout).first?["state"]?.stringValue == "pending-provider")
        #expect(try await client("staff").retrieve(WaldurUUID(order)).errorMessage == "checked by waldur-orders")
    }

    @Test func createByNames() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let created = try run("consumer", ["create", "--offering", "Basic VM", "--project", "Project A1", "--plan", "Small",
                                           "--attributes", #"{"name":"waldur-orders-real"}"#])
        #expect(created.status == 0, "\(created.stderr)")
        let uuid = try #require(try JSONParser.parse(created.stdout)["uuid"]?.stringValue)
        #expect(try await client("staff").retrieve(WaldurUUID(uuid)).offeringName == "Basic VM")
    }
}

/// Where the real server is, from the environment.
enum RealServer {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var url: String { environment["WALDUR_REAL_URL"] ?? "" }
    static func token(_ role: String) -> String { environment["WALDUR_REAL_\(role.uppercased())_TOKEN"] ?? "" }
    static var configured: Bool { !url.isEmpty && ["staff", "provider", "consumer"].allSatisfy { !token($0).isEmpty } }
}

import Foundation
import Testing
import WaldurClient
import WaldurSandbox

/// The order commands (issue 13) through the real binary against an in-process sandbox over HTTP: single, bulk and
/// stdin targets, prefixes, dry runs, `--yes`, faults that must never cause a second write, `wait`, the audit log,
/// and every output format parsed back.
@Suite(.serialized) struct OrderCommandTests {
    let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("order-commands-\(UUID().uuidString)")

    func start(_ configure: (inout SandboxOptions) -> Void = { _ in }) async throws -> RunningSandbox {
        var options = SandboxOptions()
        configure(&options)
        return try await Sandbox.start(options)
    }

    func token(_ sandbox: RunningSandbox, _ role: String) -> String { sandbox.user(role: role)?.token ?? "" }

    /// Runs `waldur-orders ARGS` as `role`, with a private audit log.
    func run(_ sandbox: RunningSandbox, _ role: String, _ arguments: [String], stdin: String? = nil) throws -> Binary.Result {
        try Binary.run(arguments, environment: ["WALDUR_API_URL": sandbox.url.absoluteString, "WALDUR_ACCESS_TOKEN": token(sandbox, role),
                                                "XDG_STATE_HOME": stateHome.path], stdin: stdin)
    }

    func client(_ sandbox: RunningSandbox, _ role: String) -> WaldurClient {
        WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(token(sandbox, role))))
    }

    /// Orders `role` sees in `state`, optionally of one offering type.
    func orders(_ sandbox: RunningSandbox, _ role: String, _ state: OrderState, offeringType: String? = nil) async throws -> [Order] {
        var q = OrderListQuery()
        q.state = [state]
        if let offeringType { q.offeringType = [offeringType] }
        return try await client(sandbox, role).listAll(q)
    }

    func audit() -> [JSONValue] {
        let url = stateHome.appendingPathComponent("waldur-orders/audit.log")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
    }

    func json(_ text: String) throws -> [JSONValue] { try JSONParser.parse(text).arrayValue ?? [] }

    func ndjson(_ text: String) throws -> [JSONValue] { try text.split(separator: "\n").map { try JSONParser.parse(String($0)) } }

    func hyphenated(_ hex: String) -> String {
        let c = Array(hex.uppercased())
        return [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])].joined(separator: "-")
    }

    @Test func approveOneThenBulkNeedsYesThenStdin() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let pending = try await orders(sandbox, "provider", .pendingProvider)
        try #require(pending.count >= 3)
        let (a, b, c) = (pending[0].uuid.hex, pending[1].uuid.hex, pending[2].uuid.hex)

        let one = try run(sandbox, "provider", ["approve", hyphenated(a), "--format", "json"])
        #expect(one.status == 0, "\(one.stderr)")
        let line = try #require(try json(one.stdout).first)
        #expect(line["order"]?.stringValue == a)
        #expect(line["endpoint"]?.stringValue == "approve_by_provider")
        #expect(line["http_status"]?.intValue == 200)
        #expect(line["state"]?.stringValue == "executing")
        #expect(line["outcome"]?.stringValue == "succeeded")
        #expect(await sandbox.mutationCount(order: a, action: "approve_by_provider") == 1)

        // Two orders and no terminal: refused as a usage error before anything is sent.
        let before = await sandbox.mutationTotal()
        let noYes = try run(sandbox, "provider", ["approve", b, c])
        #expect(noYes.status == 64)
        #expect(noYes.stderr.contains("--yes"))
        #expect(await sandbox.mutationTotal() == before)

        // `list --format tsv` output piped in: header skipped, first column taken.
        let listed = try run(sandbox, "provider", ["list", "--query", b, "--format", "tsv"]).stdout
            + "\(c)\tpending-provider\tCreate\n"
        let bulk = try run(sandbox, "provider", ["approve", "-", "--yes", "--format", "ndjson"], stdin: listed)
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let lines = try ndjson(bulk.stdout)
        #expect(lines.map { $0["order"]?.stringValue } == [b, c])
        #expect(lines.allSatisfy { $0["state"]?.stringValue == "executing" && $0["outcome"]?.stringValue == "succeeded" })

        // Once approved, the rules refuse a second approval; nothing is sent.
        let again = try run(sandbox, "provider", ["approve", a, "--format", "tsv"])
        #expect(again.status == 1)
        let rows = again.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["order", "action", "http", "state", "outcome", "message"])
        #expect(rows.last?[4] == "refused")
        #expect(rows.last?[5].contains("only pending-consumer or pending-provider orders can be approved") == true)
        #expect(await sandbox.mutationCount(order: a, action: "approve_by_provider") == 1)

        let records = audit()
        #expect(records.count == 3, "one audit line per sent request: \(records)")
        #expect(Set(records.compactMap { $0["order"]?.stringValue }) == [a, b, c])
        #expect(records.allSatisfy { $0["endpoint"]?.stringValue == "approve_by_provider" && $0["outcome"]?.stringValue == "succeeded"
            && $0["action"]?.stringValue == "approve" && $0["user"]?.stringValue == "provider" })
        #expect(!records.description.contains(token(sandbox, "provider")))
        await sandbox.stop()
    }

    @Test func onATerminalBulkAsksOnceAndNoIsTheDefault() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let pending = try await orders(sandbox, "provider", .pendingProvider)
        try #require(pending.count >= 2)
        let targets = pending.prefix(2).map(\.uuid.hex)
        let total = pending.prefix(2).compactMap(\.cost).map(\.value).reduce(0, +)
        let command = "\(Binary.url.path) approve \(targets.joined(separator: " "))"
        let environment = ["WALDUR_API_URL": sandbox.url.absoluteString, "WALDUR_ACCESS_TOKEN": token(sandbox, "provider"),
                           "XDG_STATE_HOME": stateHome.path]

        let declined = try Tmux(command, environment: environment)
        let asked = try await declined.waitFor("[y/N]")
        #expect(asked.contains("approve 2 orders (2 as provider), costs \(Money(total).formatted()) in total. Proceed? [y/N]"), "\(asked)")
        try declined.send("Enter")
        let no = try await declined.waitFor("[exited")
        #expect(no.contains("nothing sent") && no.contains("[exited 1]"), "\(no)")
        #expect(await sandbox.mutationTotal() == 0)

        let accepted = try Tmux(command, environment: environment)
        _ = try await accepted.waitFor("[y/N]")
        try accepted.type("y")
        try accepted.send("Enter")
        let yes = try await accepted.waitFor("[exited")
        #expect(yes.contains("[exited 0]"), "\(yes)")
        #expect(yes.contains("succeeded"))
        for u in targets { #expect(await sandbox.mutationCount(order: u, action: "approve_by_provider") == 1) }
        await sandbox.stop()
    }

    @Test func rejectTakesTheSideAndTheComment() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let pending = try await orders(sandbox, "provider", .pendingProvider)
        let target = try #require(pending.first).uuid.hex

        let wrongSide = try run(sandbox, "provider", ["reject", target, "--as", "consumer", "--format", "json"])
        #expect(wrongSide.status == 1)
        #expect(try json(wrongSide.stdout).first?["outcome"]?.stringValue == "refused")
        #expect(await sandbox.mutationTotal() == 0)

        let rejected = try run(sandbox, "provider", ["reject", target, "--as", "provider", "--comment", "no quota left", "--format", "json"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try json(rejected.stdout).first?["state"]?.stringValue == "rejected")
        #expect(try await client(sandbox, "staff").retrieve(WaldurUUID(target)).state == .rejected)
        let record = try #require(audit().last)
        #expect(record["endpoint"]?.stringValue == "reject_by_provider")
        #expect(record["text"]?.stringValue == "no quota left")

        let badSide = try run(sandbox, "provider", ["reject", target, "--as", "nobody"])
        #expect(badSide.status == 64)
        await sandbox.stop()
    }

    @Test func prefixesUniqueUnknownShortAndAmbiguous() async throws {
        let sandbox = try await start()
        var q = OrderListQuery()
        q.fields = ["uuid"]
        let all = try await client(sandbox, "staff").listAll(q).map(\.uuid.hex)
        let unique = try #require(all.first { u in all.filter { $0.hasPrefix(u.prefix(8)) }.count == 1 })
        let got = try run(sandbox, "staff", ["get", String(unique.prefix(8)), "--format", "ndjson"])
        #expect(got.status == 0, "\(got.stderr)")
        #expect(try ndjson(got.stdout).first?["uuid"]?.stringValue == unique)

        let unknownPrefix = (0..<100).lazy.map { String(format: "%08x", 0xfeed0000 + $0) }.first { p in !all.contains { $0.hasPrefix(p) } } ?? "feedfeed"
        let unknown = try run(sandbox, "staff", ["cancel", unknownPrefix])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no order you can see has a uuid starting with \(unknownPrefix)"))

        let short = try run(sandbox, "staff", ["get", String(unique.prefix(6))])
        #expect(short.status == 64)
        #expect(short.stderr.contains("at least 8"))
        let notHex = try run(sandbox, "staff", ["get", "zzzzzzzzzz"])
        #expect(notHex.status == 64)
        #expect(await sandbox.mutationTotal() == 0)
        await sandbox.stop()

        // Two orders sharing a prefix: only a scripted server can produce them.
        let first = "abcdef01" + String(repeating: "1", count: 24), second = "abcdef01" + String(repeating: "2", count: 24)
        let server = try ScriptedServer { line in
            line.hasPrefix("GET /api/marketplace-orders/?") ? (200, #"[{"uuid":"\#(first)"},{"uuid":"\#(second)"}]"#) : (404, #"{"detail":"Not found."}"#)
        }
        let ambiguous = try Binary.run(["approve", "abcdef01", "--dry-run"], environment: ["WALDUR_API_URL": server.url, "WALDUR_ACCESS_TOKEN": "x"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("matches 2 orders"))
        #expect(ambiguous.stderr.contains(first) && ambiguous.stderr.contains(second))
    }

    @Test func dryRunPrintsRequestsAndRefusalsAndSendsNothing() async throws {
        let sandbox = try await start()
        let pending = try #require(try await orders(sandbox, "provider", .pendingProvider).first).uuid.hex
        let done = try #require(try await orders(sandbox, "provider", .done).first).uuid.hex
        let slurm = try #require(try await orders(sandbox, "provider", .executing, offeringType: "Marketplace.Slurm").first).uuid.hex

        let dry = try run(sandbox, "provider", ["approve", pending, done, "--dry-run", "--attributes", #"{"cpu": 4}"#, "--format", "json"])
        #expect(dry.status == 1, "one of the two is refused")
        let lines = try json(dry.stdout)
        #expect(lines.count == 2)
        #expect(lines.first?["outcome"]?.stringValue == "would-send")
        #expect(lines.first?["request"]?["method"]?.stringValue == "POST")
        #expect(lines.first?["request"]?["url"]?.stringValue?.hasSuffix("marketplace-orders/\(pending)/approve_by_provider/") == true)
        #expect(lines.first?["request"]?["body"]?["attributes"]?["cpu"] == .number("4"))
        #expect(lines.last?["outcome"]?.stringValue == "refused")
        #expect(lines.last?["message"]?.stringValue?.contains("this one is done") == true)

        let erred = try run(sandbox, "provider", ["set-state", "erred", slurm, "--message", "disk full", "--dry-run", "--format", "ndjson"])
        #expect(erred.status == 0, "\(erred.stderr)")
        let body = try #require(try ndjson(erred.stdout).first?["request"]?["body"])
        #expect(body["error_message"]?.stringValue == "disk full")
        #expect(body["error_traceback"]?.stringValue == "")

        let table = try run(sandbox, "provider", ["cancel", pending, "--dry-run"])
        #expect(table.stdout.hasPrefix("ORDER"))
        #expect(table.stdout.contains("POST "))
        #expect(await sandbox.mutationTotal() == 0)
        #expect(audit().isEmpty)
        await sandbox.stop()
    }

    @Test func faultsNeverCauseASecondWrite() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let pending = try await orders(sandbox, "provider", .pendingProvider).map(\.uuid.hex)
        try #require(pending.count >= 6)

        // The answer is cut after the server acted: the outcome is unknown, the order is re-read, nothing is resent.
        try await sandbox.setFaults("drop=approve_by_provider")
        let dropped = try run(sandbox, "provider", ["approve", pending[0], "--format", "json"])
        #expect(dropped.status == 1)
        let line = try #require(try json(dropped.stdout).first)
        #expect(line["outcome"]?.stringValue == "unknown")
        #expect(line["message"]?.stringValue?.contains("not sent again") == true)
        #expect(await sandbox.mutationCount(order: pending[0], action: "approve_by_provider") == 1)

        // Errors on the write and on reads: reads are retried, every write goes out at most once.
        try await sandbox.setFaults("error=0.5:503:approve_by_provider,error=0.3:503:retrieve,error=0.3:503:list")
        let bulk = try run(sandbox, "provider", ["approve"] + Array(pending[1...5]) + ["--yes", "--format", "ndjson"])
        let lines = try ndjson(bulk.stdout)
        #expect(lines.count == 5)
        for u in pending[1...5] { #expect(await sandbox.mutationCount(order: u, action: "approve_by_provider") <= 1) }
        let failed = lines.filter { $0["outcome"]?.stringValue != "succeeded" }
        #expect(bulk.status == (failed.isEmpty ? 0 : 1))
        #expect(failed.allSatisfy { $0["outcome"]?.stringValue == "failed" || $0["outcome"]?.stringValue == "unknown" })
        let sent = audit().filter { $0["order"]?.stringValue != pending[0] }
        var total = 0
        for u in pending[1...5] { total += await sandbox.mutationCount(order: u, action: "approve_by_provider") }
        #expect(sent.count == total, "one audit line per request that went out")
        await sandbox.stop()
    }

    @Test func setStateChainKeepsReplacedTextsInTheAudit() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let order = try #require(try await orders(sandbox, "provider", .executing, offeringType: "Marketplace.Slurm").first).uuid.hex

        let erred = try run(sandbox, "provider", ["set-state", "erred", order, "--message", "node lost", "--traceback", "tb line", "--format", "json"])
        #expect(erred.status == 0, "\(erred.stderr)")
        #expect(try json(erred.stdout).first?["state"]?.stringValue == "erred")
        let record = try #require(audit().last)
        #expect(record["endpoint"]?.stringValue == "set_state_erred")
        #expect(record["text"]?.stringValue == "node lost")
        #expect(record["traceback"]?.stringValue == "tb line")
        #expect(record["replaced_error_message"]?.stringValue != nil)

        let executing = try run(sandbox, "provider", ["set-state", "executing", order, "--format", "json"])
        #expect(try json(executing.stdout).first?["state"]?.stringValue == "executing")
        let done = try run(sandbox, "provider", ["set-state", "done", order, "--format", "json"])
        #expect(try json(done.stdout).first?["state"]?.stringValue == "done")
        #expect(audit().count == 3)

        let noMessage = try run(sandbox, "provider", ["set-state", "erred", order])
        #expect(noMessage.status == 64)
        await sandbox.stop()
    }

    @Test func cancelDeleteUnlinkBackendIDAndAttachment() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let basic = try await orders(sandbox, "consumer", .pendingConsumer, offeringType: "Marketplace.Basic").map(\.uuid.hex)
        try #require(basic.count >= 3)

        let cancel = try run(sandbox, "consumer", ["cancel", basic[0], "--format", "json"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(try json(cancel.stdout).first?["state"]?.stringValue == "canceled")

        let file = stateHome.appendingPathComponent("quote.txt")
        try FileManager.default.createDirectory(at: stateHome, withIntermediateDirectories: true)
        try Data("quote 42".utf8).write(to: file)
        let put = try run(sandbox, "consumer", ["attachment", "put", file.path, basic[1], "--format", "json"])
        #expect(put.status == 0, "\(put.stderr)")
        #expect(try json(put.stdout).first?["outcome"]?.stringValue == "succeeded")
        let withFile = try #require(try json(run(sandbox, "consumer", ["get", basic[1]]).stdout).first)
        #expect(withFile["attachment"]?.stringValue?.isEmpty == false)
        let rm = try run(sandbox, "consumer", ["attachment", "rm", basic[1], "--format", "json"])
        #expect(rm.status == 0, "\(rm.stderr)")

        let delete = try run(sandbox, "consumer", ["delete", basic[2], "--format", "json"])
        #expect(delete.status == 0, "\(delete.stderr)")
        #expect(try json(delete.stdout).first?["state"]?.stringValue == "removed")
        let gone = try run(sandbox, "consumer", ["get", basic[2]])
        #expect(gone.status == 1)

        let done = try #require(try await orders(sandbox, "staff", .done).first).uuid.hex
        let backend = try run(sandbox, "staff", ["set-backend-id", done, "--backend-id", "slurm-4711", "--format", "json"])
        #expect(backend.status == 0, "\(backend.stderr)")
        #expect(try json(run(sandbox, "staff", ["get", done]).stdout).first?["backend_id"]?.stringValue == "slurm-4711")

        let notStaff = try run(sandbox, "provider", ["unlink", done, "--format", "json"])
        #expect(notStaff.status == 1)
        #expect(try json(notStaff.stdout).first?["message"]?.stringValue == "only staff can unlink orders")
        let unlink = try run(sandbox, "staff", ["unlink", done, "--format", "json"])
        #expect(unlink.status == 0, "\(unlink.stderr)")
        #expect(try json(unlink.stdout).first?["state"]?.stringValue == "removed")

        #expect(audit().compactMap { $0["endpoint"]?.stringValue }
            == ["cancel", "update_attachment", "delete_attachment", "delete", "set_backend_id", "unlink"])
        await sandbox.stop()
    }

    @Test func createResolvesNamesAndPrintsTheOrder() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let created = try run(sandbox, "consumer", ["create", "--offering", "Basic VM", "--project", "Project A1", "--plan", "Small",
                                                    "--attributes", #"{"name":"e2e-vm"}"#, "--limits", #"{"cpu": 2}"#])
        #expect(created.status == 0, "\(created.stderr)")
        let order = try JSONParser.parse(created.stdout)
        let uuid = try #require(order["uuid"]?.stringValue)
        #expect(order["attributes"]?["name"]?.stringValue == "e2e-vm")
        let stored = try await client(sandbox, "staff").retrieve(WaldurUUID(uuid))
        #expect(stored.offeringName == "Basic VM")
        #expect(stored.projectName == "Project A1")
        #expect(stored.planName == "Small")
        #expect(audit().last?["endpoint"]?.stringValue == "create")
        #expect(audit().last?["order"]?.stringValue == WaldurUUID(uuid).hex)

        let unknown = try run(sandbox, "consumer", ["create", "--offering", "No Such Thing", "--project", "Project A1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("No Such Thing"))
        let badJSON = try run(sandbox, "consumer", ["create", "--offering", "Basic VM", "--project", "Project A1", "--limits", "{cpu"])
        #expect(badJSON.status == 64)
        await sandbox.stop()
    }

    @Test func waitFollowsAMovingOrderAndTimesOutOnAStillOne() async throws {
        let sandbox = try await start()
        let executing = try await orders(sandbox, "staff", .executing)
        // The sandbox's activity moves the newest executing orders first.
        let moving = try #require(executing.max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }).uuid.hex
        // The binary's first poll must see the order executing before the server moves it: tick only once it said so.
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["wait", moving, "--until", "done,erred", "--interval", "0.1", "--timeout", "60s", "--format", "ndjson"]
        process.environment = Binary.cleanEnvironment().merging(["WALDUR_API_URL": sandbox.url.absoluteString,
                                                                 "WALDUR_ACCESS_TOKEN": token(sandbox, "staff")]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let collected = Binary.LockedData()
        out.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            collected.set(collected.get() + chunk)
        }
        try process.run()
        while process.isRunning && !String(decoding: collected.get(), as: UTF8.self).contains(#""to":"executing""#) {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        while process.isRunning {
            await sandbox.tick()
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        let result = Binary.Result(status: process.terminationStatus, stdout: String(decoding: collected.get() + rest, as: UTF8.self), stderr: "")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try ndjson(result.stdout)
        let changes = lines.filter { $0["event"]?.stringValue == "change" }
        #expect(changes.count == 2)
        #expect(changes.first?["to"]?.stringValue == "executing")
        #expect(changes.last?["from"]?.stringValue == "executing")
        #expect(changes.last.map { ["done", "erred"].contains($0["to"]?.stringValue ?? "") } == true)
        #expect(lines.last?["outcome"]?.stringValue == "succeeded")

        let still = try #require(executing.first { $0.uuid.hex != moving }).uuid.hex
        let timeout = try run(sandbox, "staff", ["wait", still, "--until", "done", "--timeout", "0.5s", "--interval", "0.1", "--format", "json"])
        let pendingState = try await client(sandbox, "staff").retrieve(WaldurUUID(still)).state
        if pendingState == .executing {
            #expect(timeout.status == 1)
            #expect(try json(timeout.stdout).first?["outcome"]?.stringValue == "timeout")
        }
        let badState = try run(sandbox, "staff", ["wait", still, "--until", "finished"])
        #expect(badState.status == 64)
        await sandbox.stop()
    }

    @Test func jsonKeepsEveryKeyAndNumberAsSent() async throws {
        let sandbox = try await start()
        let order = try #require(try await orders(sandbox, "staff", .pendingConsumer).first).uuid
        let c = client(sandbox, "staff")
        let wire = try JSONParser.parse(try await c.perform(HTTPRequest(method: "GET", url: c.ordersURL(order))).body)
        let nulls = (wire.objectValue ?? []).filter { $0.1.isNull }.count
        #expect(nulls > 0, "the sandbox sends null values")

        let got = try run(sandbox, "staff", ["get", order.hex, "--format", "json"])
        #expect(try json(got.stdout).first == wire)
        let listed = try run(sandbox, "staff", ["list", "--query", order.hex, "--format", "ndjson", "--fields", "all"])
        let fromList = try #require(try ndjson(listed.stdout).first)
        #expect(fromList.objectValue?.count == wire.objectValue?.count, "list keeps null keys too")
        #expect(fromList["cost"] == wire["cost"])
        let table = try run(sandbox, "staff", ["get", order.hex, "--format", "tsv"])
        #expect(table.stdout.split(separator: "\n").last?.hasPrefix(order.hex) == true)
        let offering = try run(sandbox, "staff", ["offering", order.hex, "--format", "json"])
        #expect(try json(offering.stdout).first?["plans"]?.arrayValue?.isEmpty == false)
        await sandbox.stop()
    }

    @Test func completionScriptsAndManPageComeFromTheCommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try Binary.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            for command in ["approve", "set-state", "attachment", "wait"] { #expect(script.stdout.contains(command), "\(shell): \(command)") }
        }
        let man = try Binary.run(["man"])
        #expect(man.status == 0)
        #expect(man.stdout.hasPrefix(".TH WALDUR-ORDERS 1"))
        for section in [".SS approve", ".SS set-state", ".SS attachment put", ".SS wait", "--dry-run", "--until"] {
            #expect(man.stdout.contains(section), "\(section)")
        }
        #expect(!(try Binary.run(["--help"]).stdout.contains("  man ")), "the man command is hidden")
    }
}

import Foundation
import Testing
import WaldurClient

/// The audit log through the real binary: an approval in the terminal UI is recorded, and `waldur-orders audit` prints it.
@Suite(.serialized) struct AuditCommandTests {
    let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("audit-e2e-\(UUID().uuidString)")
    var logURL: URL { stateHome.appendingPathComponent("waldur-orders/audit.log") }

    func audit(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(["audit"] + arguments, environment: ["XDG_STATE_HOME": stateHome.path])
    }

    /// A record line as the app writes it.
    func record(time: String, order: Int, outcome: String, status: String, message: String) -> String {
        let hex = String(format: "%032x", order)
        return #"{"time":"\#(time)","server":"waldur.example.org","user":"alice","order":"\#(hex)","action":"approve","#
            + #""endpoint":"approve_by_provider","text":null,"http_status":\#(status),"message":\#(message),"outcome":"\#(outcome)"}"#
    }

    /// The state words of the list rows on screen.
    func listedStates(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count > 2, ["◔", "◑", "◕", "◷", "▶", "✔", "✖", "⊘", "✗", "?"].contains(String(words[0])) || line.hasPrefix("   ") else { return nil }
            return OrderState.known.map(\.wire).first { state in words.contains { $0 == state } }
        }
    }

    @Test func sinceFiltersAPreparedLogAndTextIsReadable() throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        try FileManager.default.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let recent = WaldurDate.format(Date().addingTimeInterval(-600))
        let lines = [
            record(time: "2020-01-02T03:04:05.000000Z", order: 1, outcome: "succeeded", status: "200", message: "null"),
            "not json at all",
            record(time: recent, order: 2, outcome: "refused", status: "409",
                   message: #""Valid states for operation: pending-provider.\u001b]0;pwned\u0007""#),
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: logURL)

        let all = try audit([])
        #expect(all.status == 0, "\(all.stderr)")
        let shown = all.stdout.split(separator: "\n")
        #expect(shown.count == 2)
        #expect(shown.first?.contains(String(format: "%032x", 1)) == true)
        #expect(shown.first?.contains("succeeded") == true)
        #expect(all.stderr.contains("1 line"), "the unreadable line is reported: \(all.stderr)")
        // The server's text is shown, its escape sequence is not passed to the terminal.
        #expect(shown.last?.contains("refused") == true)
        #expect(shown.last?.contains("HTTP 409") == true)
        #expect(shown.last?.contains("Valid states for operation: pending-provider.") == true)
        #expect(!all.stdout.contains("\u{1B}"))

        let since = try audit(["--since", "2h"])
        #expect(since.status == 0)
        #expect(since.stdout.split(separator: "\n").count == 1)
        #expect(since.stdout.contains(String(format: "%032x", 2)))
        #expect(!since.stdout.contains(String(format: "%032x", 1)))

        let byDate = try audit(["--since", "2019-12-31", "--format", "json"])
        let records = try byDate.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.count == 2)
        #expect(records.map { $0["outcome"]?.stringValue } == ["succeeded", "refused"])

        let bad = try audit(["--since", "yesterday-ish"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--since"))
    }

    @Test func missingLogSaysSo() throws {
        let result = try audit([])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no actions recorded yet"))
    }

    /// Opens the app on `sandbox`, approves one pending-provider order through the confirmation, and answers
    /// the tmux session and the order's uuid once the server shows it executing.
    func approveOne(_ sandbox: SandboxProcess, api: WaldurClient) async throws -> (Tmux, String) {
        let token = sandbox.token("staff")
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0", width: 120, height: 40,
                            environment: ["WALDUR_ACCESS_TOKEN": token, "XDG_STATE_HOME": stateHome.path])
        let loaded = try await tmux.waitFor { $0.contains("All 300") }
        try #require(loaded.contains("All 300"), "the list did not load:\n\(loaded)")
        try tmux.send("/")
        try tmux.type("state:pending-provider")
        // Wait until the list shows only pending-provider rows, so the detail pane shows one of them.
        let filtered = try await tmux.waitFor { s in
            let states = listedStates(s)
            return !states.isEmpty && states.allSatisfy { $0 == "pending-provider" }
        }
        try #require(listedStates(filtered).allSatisfy { $0 == "pending-provider" }, "\(filtered)")
        try await tmux.closeText()
        let screen = try await tmux.waitFor { s in
            s.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) != nil
        }
        let range = try #require(screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression))
        let uuid = String(screen[range].suffix(32))
        try tmux.send("a")
        _ = try await tmux.waitFor("Confirm: approve")
        try tmux.send("y")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try await api.retrieve(WaldurUUID(uuid)).state == .pendingProvider {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(try await api.retrieve(WaldurUUID(uuid)).state == .executing)
        return (tmux, uuid)
    }

    func api(_ sandbox: SandboxProcess) -> WaldurClient {
        WaldurClient(configuration: ClientConfiguration(apiRoot: URL(string: sandbox.url) ?? URL(fileURLWithPath: "/"),
                                                        token: APIToken(sandbox.token("staff"))))
    }

    @Test func approvalInTheTerminalIsRecordedThenPrinted() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let token = sandbox.token("staff")
        let (tmux, uuid) = try await approveOne(sandbox, api: api(sandbox))
        // The record is on disk by the time the result is on screen; wait for the result, then read.
        _ = try await tmux.waitFor { $0.contains("approve: 1 order done") || $0.contains("done; now") }
        let raw = try String(contentsOf: logURL, encoding: .utf8)
        #expect(!raw.contains(token), "the token is never written to the audit log")

        let json = try audit(["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let records = try json.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.count == 1)
        let r = try #require(records.first)
        #expect(r["order"]?.stringValue == uuid)
        #expect(r["endpoint"]?.stringValue == "approve_by_provider")
        #expect(r["action"]?.stringValue == "approve")
        #expect(r["outcome"]?.stringValue == "succeeded")
        #expect((200..<300).contains(r["http_status"]?.intValue ?? 0))
        #expect(r["server"]?.stringValue == URL(string: sandbox.url)?.host)

        let text = try audit(["--since", "1h"])
        #expect(text.stdout.contains(uuid))
        #expect(text.stdout.contains("succeeded"))
        #expect(text.stdout.contains("approve (approve_by_provider)"))
    }

    @Test func unwritableAuditLogIsShownOnScreenAndTheActionStillCompletes() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        // audit.log is a directory: no user, root included, can append to it.
        try FileManager.default.createDirectory(at: logURL, withIntermediateDirectories: true)
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let (tmux, _) = try await approveOne(sandbox, api: api(sandbox))
        let screen = try await tmux.waitFor("audit log not written")
        #expect(screen.contains("audit log not written"), "the failed write is on the status line:\n\(screen)")
        #expect(!screen.contains("[exited"), "the app keeps running")
    }
}

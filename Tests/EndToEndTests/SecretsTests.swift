import Foundation
import Testing
import WaldurClient

/// The API token never leaks: not in the process arguments, the log file, stderr, error messages or the
/// screen, even when the server echoes the Authorization header back in an error body.
@Suite(.serialized) struct SecretsTests {
    /// A token no server issued: 40 hex digits, distinctive enough to search for.
    let token = "5ec7e75ec7e75ec7e7a1b2c3d4e5f60718293a4b"

    var logURL: URL {
        let env = Binary.cleanEnvironment()
        return URL(fileURLWithPath: env["XDG_STATE_HOME"] ?? "").appendingPathComponent("waldur-orders/waldur-orders.log")
    }

    func log() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// True when `text` holds the token or its first or second half (a "redacted" prefix still leaks).
    func leaks(_ text: String, _ token: String) -> Bool {
        let half = token.count / 2
        return text.contains(token) || text.contains(String(token.prefix(half))) || text.contains(String(token.suffix(half)))
    }

    @Test func listCommandKeepsAnEchoedTokenOutOfStderrAndTheLog() throws {
        let server = try EchoingServer()
        let result = try Binary.run(["list", "--format", "ndjson"],
                                    environment: ["WALDUR_API_URL": server.url, "WALDUR_ACCESS_TOKEN": token, "WALDUR_ORDERS_LOG_LEVEL": "trace"])
        // The server did get the token and sent it back: the leak path is exercised.
        #expect(server.authorizations.contains { $0.contains(token) }, "\(server.authorizations)")
        #expect(result.status != 0)
        #expect(result.stderr.contains("400") || result.stderr.lowercased().contains("bad request"), "the error is reported:\n\(result.stderr)")
        #expect(!leaks(result.stderr, token), "stderr leaks the token:\n\(result.stderr)")
        #expect(!leaks(result.stdout, token), "stdout leaks the token:\n\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: logURL.path), "the log file exists at \(logURL.path)")
        #expect(!leaks(log(), token), "the log leaks the token")
    }

    @Test func terminalShowsTheEchoedErrorWithoutTheToken() async throws {
        let server = try EchoingServer()
        let tmux = try Tmux("\(Binary.url.path) --api-url \(server.url) --refresh 0", width: 200, height: 40,
                            environment: ["WALDUR_ACCESS_TOKEN": token, "WALDUR_ORDERS_LOG_LEVEL": "trace"])
        let screen = try await tmux.waitFor { s in s.contains("400") || s.lowercased().contains("bad request") }
        #expect(screen.contains("400") || screen.lowercased().contains("bad request"), "the error is on screen:\n\(screen)")
        #expect(server.authorizations.contains { $0.contains(token) })
        #expect(!leaks(screen, token), "the screen leaks the token:\n\(screen)")
        let pid = try #require(try AppProcess.pid(in: tmux), "the app is running")
        let argv = String(decoding: AppProcess.cmdline(pid), as: UTF8.self)
        #expect(argv.contains("--api-url"), "read the right process: \(argv)")
        #expect(!leaks(argv, token))
        // Open whatever detail the app offers for the failure and look again.
        try tmux.send("Enter")
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(!leaks(try tmux.screen(), token))
        #expect(!leaks(log(), token), "the log leaks the token")
    }

    @Test func runningAppKeepsARealTokenOutOfArgumentsLogAndScreen() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let real = sandbox.token("staff")
        try #require(real.count >= 8)
        // Once through the token file, once through the environment; neither ends up in argv.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try real.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0 --token-file \(file.path)",
                            environment: ["WALDUR_ORDERS_LOG_LEVEL": "trace"])
        let screen = try await tmux.waitFor { $0.contains("All 300") }
        try #require(screen.contains("All 300"), "the list did not load:\n\(screen)")
        let pid = try #require(try AppProcess.pid(in: tmux))
        let argv = String(decoding: AppProcess.cmdline(pid), as: UTF8.self)
        #expect(argv.contains(file.path), "read the right process: \(argv)")
        #expect(!leaks(argv, real))
        // Move around so more requests are made and logged.
        try tmux.send("j", "j", "Enter", "4", "1")
        let after = try await tmux.waitFor { $0.contains("All 300") }
        #expect(!leaks(after, real))
        #expect(!leaks(log(), real), "the log leaks the token")
        #expect(!log().isEmpty, "trace logging wrote something")
    }

    @Test func rejectedTokenIsNotRepeatedInTheError() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let result = try Binary.run(["list"], environment: ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": token])
        #expect(result.status != 0)
        #expect(result.stderr.contains("401") || result.stderr.lowercased().contains("token"), "the refusal is reported:\n\(result.stderr)")
        #expect(!leaks(result.stderr + result.stdout, token))
        #expect(!leaks(log(), token))
    }
}

import Foundation
import Testing

/// What cannot work is refused before any request, with one sentence that says what to do.
@Suite(.serialized) struct RefusalTests {
    @Test("no token configured: one sentence naming the three ways to give one, and no request sent")
    func noTokenIsRefusedBeforeAnyRequest() async throws {
        let server = try EchoingServer()
        let result = try Binary.run(["list"], environment: ["WALDUR_API_URL": server.url])
        #expect(result.status != 0)
        for text in [result.stderr, try await screenOfUI(server)] {
            #expect(text.contains("no API token"), "\(text)")
            #expect(text.contains("--token-file") && text.contains("WALDUR_ACCESS_TOKEN") && text.contains("credentials.toml"), "\(text)")
        }
        #expect(server.authorizations.isEmpty, "no request reached the server: \(server.authorizations)")
    }

    /// The screen started without a token, in a terminal: what it printed, lines joined.
    func screenOfUI(_ server: EchoingServer) async throws -> String {
        let tmux = try Tmux("\(Binary.url.path) --api-url \(server.url)", width: 200, height: 20)
        let screen = try await tmux.waitFor { $0.contains("[exited") }
        #expect(screen.contains("[exited 1]"), "\(screen)")
        return screen.replacingOccurrences(of: "\n", with: "")
    }

    @Test("TERM=dumb, and a terminal without cursor addressing, refuse the screen and point to `waldur-orders list`",
          arguments: ["dumb", "nocup", "no-such-terminal"])
    func terminalsWithoutCursorAddressingAreRefused(term: String) async throws {
        let server = try EchoingServer()
        // A terminfo entry of a printing terminal (no `cup`), compiled with tic into a folder of the test's own.
        let terminfo = FileManager.default.temporaryDirectory.appendingPathComponent("terminfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: terminfo) }
        try FileManager.default.createDirectory(at: terminfo, withIntermediateDirectories: true)
        let source = terminfo.appendingPathComponent("nocup.src")
        try "nocup|a printing terminal without cursor addressing,\n\tam, cols#80, bel=^G, cr=\\r,\n".write(to: source, atomically: true, encoding: .utf8)
        let compiled = try ScriptProcess.run("/usr/bin/tic", ["-o", terminfo.path, source.path], environment: [:], timeout: 20)
        try #require(compiled.status == 0, "tic: \(compiled.output)")
        let tmux = try Tmux("TERM=\(term) \(Binary.url.path) --api-url \(server.url)", width: 250, height: 20,
                            environment: ["WALDUR_ACCESS_TOKEN": "0123456789abcdef0123456789abcdef01234567", "TERMINFO": terminfo.path])
        let screen = try await tmux.waitFor { $0.contains("[exited") }
        #expect(screen.contains("[exited 1]"), "\(screen)")
        #expect(screen.contains("cursor addressing") || screen.contains("terminfo"), "\(screen)")
        #expect(screen.contains("waldur-orders list"), "\(screen)")
        #expect(server.authorizations.isEmpty, "no request reached the server")
    }
}

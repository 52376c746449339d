import Foundation
import Testing

/// On a terminal without an alternate screen (TERM=vt100, linux) the app leaves a clean terminal after `q`:
/// its last frame is cleared and the shell goes on at the last line, not over the hint line (issue 12).
@Suite(.serialized) struct NoAlternateScreenTests {
    @Test(arguments: ["vt100", "linux"])
    func quittingLeavesTheTerminalClean(term: String) async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0", width: 100, height: 30,
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.token("staff"), "TERM": term])
        let running = try await tmux.waitFor { $0.contains("All 300") }
        try #require(running.contains("All 300"), "the app did not start with TERM=\(term):\n\(running)")
        try tmux.send("q")
        let after = try await tmux.waitFor { $0.contains("[exited 0]") }
        let lines = after.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!after.contains("All 300") && !after.contains("quit") && !after.contains("waldur-orders"),
                "the last frame stays on the terminal:\n\(after)")
        // Only the shell's line is left, at the bottom, whole.
        let written = lines.enumerated().filter { !$0.element.isEmpty }
        #expect(written.map(\.element) == ["[exited 0]"], "\(after)")
        #expect((written.first?.offset ?? 0) >= 27, "the shell went on at the last line:\n\(after)")
    }
}

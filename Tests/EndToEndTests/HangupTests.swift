import Foundation
import Testing
import WaldurSandbox
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that goes away (SSH link dropped, tmux session killed) ends the app instead of leaving it running.
@Suite(.serialized) struct HangupTests {
    /// The pid of the first child of `pid` (the app under the pane's shell), from /proc.
    func child(of pid: Int32) -> Int32? {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Whether `pid` still runs (not gone, not a zombie).
    func running(_ pid: Int32) -> Bool { AppProcess.isRunning(pid) }

    @Test func theAppExitsWhenItsTerminalHangsUp() async throws {
        var options = SandboxOptions()
        options.orderCount = 20
        let sandbox = try await Sandbox.start(options)
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0",
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.user(role: "staff")?.token ?? ""])
        let loaded = try await tmux.waitFor { $0.contains("All 20") }
        try #require(loaded.contains("All 20"), "\(loaded)")
        let app = try #require(child(of: try tmux.panePID()), "the app under the pane's shell")
        try #require(running(app))
        // Killing the session closes the pty: the app's next poll sees the hangup.
        try tmux.run(["kill-session", "-t", tmux.session])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, running(app) { try await Task.sleep(nanoseconds: 50_000_000) }
        let stillRunning = running(app)
        if stillRunning { kill(app, SIGKILL) }
        #expect(!stillRunning, "the app exits once its terminal is gone")
        await sandbox.stop()
    }
}

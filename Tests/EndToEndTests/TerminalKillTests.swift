import Foundation
import Testing
import WaldurSandbox
#if canImport(Glibc)
import Glibc
#endif

/// The app ends when its terminal is killed under it, in every mode: the list, a dialog, the filter prompt and help;
/// both when the session is killed (a hang-up) and when the pane's processes get SIGTERM first, as a tmux or SSH
/// teardown does.
@Suite(.serialized) struct TerminalKillTests {
    func running(_ pid: Int32) -> Bool { AppProcess.isRunning(pid) }

    enum Mode: String, CaseIterable { case list, dialog, filter, help }

    func enter(_ mode: Mode, _ tmux: Tmux) async throws {
        switch mode {
        case .list: return
        case .dialog:
            try tmux.send("/")
            try tmux.type("state:pending-provider")
            try await tmux.closeText { $0.contains("state:pending-provider") && !$0.contains("/state") }
            try tmux.send("r")
            try #require(try await tmux.waitFor("Confirm: reject").contains("Confirm: reject"))
            try tmux.type("half a sentence")
        case .filter:
            try tmux.send("/")
            try tmux.type("half a filt")
            _ = try await tmux.waitFor("half a filt")
        case .help:
            try tmux.send("?")
            _ = try await tmux.waitFor("Fixed keys")
        }
    }

    /// A sandbox with `orders` orders and the app on it (live refresh every second) in tmux, loaded; the app's pid.
    func launch(orders: Int) async throws -> (RunningSandbox, Tmux, Int32) {
        var options = SandboxOptions()
        options.orderCount = orders
        let sandbox = try await Sandbox.start(options)
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 1",
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.user(role: "staff")?.token ?? ""])
        let loaded = try await tmux.waitFor { $0.contains("All \(orders)") }
        try #require(loaded.contains("All \(orders)"), "\(loaded)")
        let app = try #require(try AppProcess.pid(in: tmux), "the app under the pane's shell")
        return (sandbox, tmux, app)
    }

    @Test(arguments: Mode.allCases, [false, true])
    func theAppExitsWhenItsTerminalIsKilled(mode: Mode, sigtermFirst: Bool) async throws {
        let (sandbox, tmux, app) = try await launch(orders: 40)
        try await enter(mode, tmux)
        let shell = try tmux.panePID()
        if sigtermFirst { kill(-shell, SIGTERM) }
        try tmux.run(["kill-session", "-t", tmux.session])
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, running(app) { try await Task.sleep(nanoseconds: 50_000_000) }
        let stillRunning = running(app)
        if stillRunning { kill(app, SIGKILL) }
        #expect(!stillRunning, "the app (\(mode.rawValue), SIGTERM first: \(sigtermFirst)) exits once its terminal is gone")
        await sandbox.stop()
    }

    @Test("a resize storm down to 30×8 with a dialog open, Ctrl-Z/fg and a hang-up during redraws: no crash, the app ends with 129")
    func resizeStormSuspendAndHangupDuringRedraws() async throws {
        let (sandbox, tmux, app) = try await launch(orders: 60)
        try await enter(.dialog, tmux)
        let sizes = [(30, 8), (120, 40), (44, 12), (80, 24), (31, 9), (200, 50), (60, 20), (30, 8)]
        for round in 0..<40 {
            let (w, h) = sizes[round % sizes.count]
            try tmux.resize(width: w, height: h)
            if round % 7 == 3 {
                kill(app, SIGTSTP)
                try await Task.sleep(nanoseconds: 30_000_000)
                kill(app, SIGCONT)
            }
            try tmux.send("j")
        }
        try tmux.resize(width: 100, height: 30)
        #expect(running(app), "the app survived the storm")
        // A hang-up while it redraws (refresh every second, keys arriving).
        try tmux.send("Escape", "j", "k")
        kill(app, SIGHUP)
        let screen = try await tmux.waitFor(timeout: 15) { $0.contains("[exited") }
        #expect(screen.contains("[exited 129]"), "ended by the hang-up, not a crash:\n\(screen)")
        await sandbox.stop()
    }
}

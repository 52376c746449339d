import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Signals while a request is in flight end the app cleanly: the terminal is back in cooked mode with
/// echo and the app's screen is gone; a storm of resizes still ends on a correct frame.
@Suite(.serialized) struct SignalTests {
    static let sttyCheck = "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo;"

    /// Starts the app against a sandbox whose list requests never answer, and waits until it is drawn and waiting.
    func appWithStalledList(_ sandbox: SandboxProcess) async throws -> (Tmux, Int32) {
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0", environment: ["WALDUR_ACCESS_TOKEN": sandbox.token("staff")],
                            after: Self.sttyCheck)
        let screen = try await tmux.waitFor { $0.contains("loading") && $0.contains(" waldur-orders ") }
        try #require(screen.contains("loading"), "the first load is pending:\n\(screen)")
        let pid = try #require(try AppProcess.pid(in: tmux), "the app runs in the pane")
        return (tmux, pid)
    }

    func expectCleanExit(after signal: Int32) async throws {
        let sandbox = try SandboxProcess(arguments: ["--faults", "stall=list"])
        defer { sandbox.stop() }
        let (tmux, pid) = try await appWithStalledList(sandbox)
        #expect(kill(pid, signal) == 0)
        let screen = try await tmux.waitFor { $0.contains("[exited") && $0.contains("icanon") }
        #expect(screen.contains("[exited"), "the app ended on signal \(signal):\n\(screen)")
        // The exit status says which signal ended it, as shells report it (130 for Ctrl-C, 143 for SIGTERM).
        #expect(screen.contains("[exited \(128 + signal)]"), "exit status 128+\(signal):\n\(screen)")
        #expect(screen.contains("icanon echo"), "cooked mode with echo after signal \(signal):\n\(screen)")
        #expect(!screen.contains("-icanon") && !screen.contains("-echo "), "\(screen)")
        #expect(!screen.contains("loading") && !screen.contains(" waldur-orders "), "the app's screen is gone:\n\(screen)")
        #expect(!AppProcess.isAlive(pid) || (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.contains(") Z ") == true)
    }

    @Test func sigtermDuringAStalledLoad() async throws { try await expectCleanExit(after: SIGTERM) }

    @Test func sighupDuringAStalledLoad() async throws { try await expectCleanExit(after: SIGHUP) }

    @Test func sigintDuringAStalledLoad() async throws { try await expectCleanExit(after: SIGINT) }

    /// The "k/N" position on the status line (the last such pair on screen).
    func position(_ screen: String) -> String? {
        let ns = screen as NSString
        let regex = try? NSRegularExpression(pattern: #"\b[0-9]+/[0-9]+\b"#)
        return regex?.matches(in: screen, range: NSRange(location: 0, length: ns.length)).last.map { ns.substring(with: $0.range) }
    }

    @Test func resizeStormEndsOnACorrectFrame() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0", environment: ["WALDUR_ACCESS_TOKEN": sandbox.token("staff")])
        let loaded = try await tmux.waitFor { $0.contains("All 300") }
        try #require(loaded.contains("All 300"))
        let sizes = [(80, 24), (150, 50), (40, 10), (100, 30), (200, 60), (30, 8), (90, 25), (160, 45), (70, 20), (130, 35)]
        for round in 0..<4 {
            for (w, h) in sizes { try tmux.resize(width: w + round, height: h + round) }
        }
        try tmux.resize(width: 97, height: 31)
        func lines(_ s: String) -> [Substring] {
            var l = s.split(separator: "\n", omittingEmptySubsequences: false)
            while l.last?.isEmpty == true { l.removeLast() }
            return l
        }
        func rows(_ s: String) -> [Substring] {
            lines(s).filter { l in ["Create ", "Update ", "Terminate "].contains { l.contains($0) } && !l.contains("Detail") }
        }
        let frame = try await tmux.waitFor { s in
            s.contains("All 300") && s.contains(" waldur-orders ") && lines(s).count <= 31 && rows(s).count >= 5
        }
        #expect(frame.contains(" waldur-orders "), "header drawn:\n\(frame)")
        #expect(frame.contains("All 300"), "tabs drawn:\n\(frame)")
        #expect(lines(frame).count <= 31)
        #expect(lines(frame).allSatisfy { $0.count <= 97 }, "no line wider than the pane:\n\(frame)")
        #expect(!frame.lowercased().contains("too small"))
        #expect(rows(frame).count >= 5, "rows drawn:\n\(frame)")
        // And the app still answers keys after the storm.
        let before = position(frame)
        try tmux.send("j")
        let moved = try await tmux.waitFor { position($0) != before }
        #expect(position(moved) != before, "\(moved)")
    }
}

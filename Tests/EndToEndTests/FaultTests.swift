import Foundation
import Testing
import WaldurClient
import WaldurSandbox

/// The app under a failing server: an in-process sandbox whose faults the test changes while the app runs.
@Suite(.serialized) struct FaultTests {
    func start(faults: String? = nil) async throws -> RunningSandbox {
        var options = SandboxOptions()
        options.faults = faults
        return try await Sandbox.start(options)
    }

    func token(_ sandbox: RunningSandbox, _ role: String = "staff") -> String { sandbox.user(role: role)?.token ?? "" }

    func openApp(_ sandbox: RunningSandbox, refresh: Int = 0) async throws -> Tmux {
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh \(refresh)",
                            environment: ["WALDUR_ACCESS_TOKEN": token(sandbox)])
        let loaded = try await tmux.waitFor { $0.contains("All 300") }
        try #require(loaded.contains("All 300"), "the list did not load:\n\(loaded)")
        try tmux.send("7")
        let screen = try await tmux.waitFor { position($0)?.total == 300 }
        try #require(position(screen)?.total == 300, "the All queue is shown:\n\(screen)")
        return tmux
    }

    /// The "k/N" position on the status line (the last such pair on screen).
    func position(_ screen: String) -> (index: Int, total: Int)? {
        let ns = screen as NSString
        let regex = try? NSRegularExpression(pattern: #"\b([0-9]+)/([0-9]+)\b"#)
        guard let m = regex?.matches(in: screen, range: NSRange(location: 0, length: ns.length)).last,
              let k = Int(ns.substring(with: m.range(at: 1))), let n = Int(ns.substring(with: m.range(at: 2))) else { return nil }
        return (k, n)
    }

    /// The state words of the list rows on screen.
    func listedStates(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count > 2, ["◔", "◑", "◕", "◷", "▶", "✔", "✖", "⊘", "✗", "?"].contains(String(words[0])) else { return nil }
            return OrderState.known.map(\.wire).first { state in words.contains { $0 == state } }
        }
    }

    func selectedUUID(_ screen: String) -> String? {
        guard let range = screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) else { return nil }
        return String(screen[range].suffix(32))
    }

    @Test func keysAndFilterWorkWhileARefreshStalls() async throws {
        let sandbox = try await start()
        let tmux = try await openApp(sandbox)
        let start = try #require(position(try tmux.screen())).index
        try await sandbox.setFaults("stall=list")
        try tmux.send("R")
        try tmux.send("j", "j", "j")
        let moved = try await tmux.waitFor { position($0)?.index == start + 3 }
        #expect(position(moved)?.index == start + 3, "the selection moves while the list request hangs:\n\(moved)")
        try tmux.send("/")
        try tmux.type("state:erred")
        let narrowed = try await tmux.waitFor { s in
            guard let p = position(s) else { return false }
            return p.total > 0 && p.total < 300 && !listedStates(s).isEmpty && listedStates(s).allSatisfy { $0 == "erred" }
        }
        let total = position(narrowed)?.total ?? 0
        #expect(total > 0 && total < 300, "the filter narrows what is loaded:\n\(narrowed)")
        #expect(!listedStates(narrowed).isEmpty && listedStates(narrowed).allSatisfy { $0 == "erred" }, "\(narrowed)")
        try tmux.send("Escape")
        await sandbox.stop()
    }

    @Test func failingPollMarksStaleKeepsRowsAndRecovers() async throws {
        let sandbox = try await start()
        let tmux = try await openApp(sandbox, refresh: 1)
        let fresh = try await tmux.waitFor { $0.contains("live 1s") }
        #expect(fresh.contains("live 1s"), "\(fresh)")
        try await sandbox.setFaults("error=1:503:list")
        let stale = try await tmux.waitFor(timeout: 25) { $0.contains("STALE: last refresh") }
        #expect(stale.contains("STALE: last refresh"), "a failing poll marks the data stale:\n\(stale)")
        #expect(stale.range(of: #"STALE: last refresh [0-9]+[smhd] ago"#, options: .regularExpression) != nil, "with its age:\n\(stale)")
        #expect(stale.contains("All 300") && stale.contains("/300"), "nothing loaded is lost:\n\(stale)")
        try await sandbox.setFaults("none")
        let back = try await tmux.waitFor(timeout: 25) { !$0.contains("STALE") && $0.contains("live 1s") }
        #expect(!back.contains("STALE") && back.contains("live 1s · updated"), "fresh again without a restart:\n\(back)")
        #expect(back.contains("All 300"))
        await sandbox.stop()
    }

    @Test func droppedApproveIsAnUnknownOutcomeAndSentAtMostOnce() async throws {
        let sandbox = try await start(faults: "drop=approve_by_provider")
        let tmux = try await openApp(sandbox)
        try tmux.send("/")
        try tmux.type("state:pending-provider")
        try await tmux.closeText()
        let screen = try await tmux.waitFor { selectedUUID($0) != nil && $0.contains("pending-provider") }
        let uuid = try #require(selectedUUID(screen))
        try tmux.send("a")
        _ = try await tmux.waitFor("Confirm: approve")
        try tmux.send("y")
        let reported = try await tmux.waitFor { $0.contains("outcome unknown") }
        #expect(reported.contains("outcome unknown"), "the dropped approve is reported as unknown:\n\(reported)")
        #expect(reported.contains("re-fetched"), "the order was re-fetched:\n\(reported)")
        #expect(!reported.contains("1 order done"))
        // Exactly one approve POST reached the server, over all orders (on a slow machine the selection can move
        // between reading it and pressing `a`, so the count is not tied to the uuid read from the screen).
        let api = WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(token(sandbox))))
        var query = OrderListQuery()
        query.pageSize = 300
        var count = 0
        for order in try await api.listAll(query) {
            count += await sandbox.mutationCount(order: order.uuid.hex, action: "approve_by_provider")
        }
        #expect(count == 1, "the POST arrived once and was not retried (saw \(count))")
        // What the list shows is what the server has now.
        let state = try await api.retrieve(WaldurUUID(uuid)).state
        #expect(state != nil)
        await sandbox.stop()
    }
}

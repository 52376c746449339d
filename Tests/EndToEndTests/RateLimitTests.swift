import Foundation
import Testing
import WaldurClient
import WaldurSandbox

/// 429 and 503 bursts through the real binary: reads are retried (honouring Retry-After) until the queue is whole,
/// writes are never retried and the server's answer reaches the status line.
@Suite(.serialized) struct RateLimitTests {
    func token(_ sandbox: RunningSandbox) -> String { sandbox.user(role: "staff")?.token ?? "" }

    func launch(_ sandbox: RunningSandbox) throws -> Tmux {
        try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0",
                 environment: ["WALDUR_ACCESS_TOKEN": token(sandbox)])
    }

    /// The status line: the line above the key hints at the bottom.
    func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let hints = lines.lastIndex(where: { $0.contains("q quit") || $0.contains("? keys") }), hints > 0 else { return "" }
        return lines[hints - 1]
    }

    /// The "k/N" position at the end of the status line.
    func position(_ screen: String) -> (index: Int, total: Int)? {
        guard let last = statusLine(screen).split(separator: " ").last else { return nil }
        let parts = last.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        return (k, n)
    }

    func selectedUUID(_ screen: String) -> String? {
        guard let range = screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) else { return nil }
        return String(screen[range].suffix(32))
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes; answers whether it held.
    func eventually(timeout: TimeInterval = 20, _ condition: () async -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if await condition() { return true }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return await condition()
    }

    @Test func readBurstsOf429And503AreAbsorbedAndTheWholeQueueLoads() async throws {
        // Every list and retrieve is answered 429 (half) or 503 (the rest), both with Retry-After: 1.
        var options = SandboxOptions()
        options.faults = "error=0.5:429:list+retrieve,error=1:503:list+retrieve"
        let sandbox = try await Sandbox.start(options)
        let tmux = try launch(sandbox)
        let hit = try await eventually { await sandbox.injectedErrorCount(scope: "reads") > 0 }
        try #require(hit, "the app's first reads reached the failing sandbox")
        // The burst lasts 1.5 s from the first refusal: every read then in flight is refused twice (retries wait the
        // Retry-After second), which the client's retry policy (3 retries) must absorb.
        try await Task.sleep(nanoseconds: 1_500_000_000)
        try await sandbox.setFaults("none")
        let throttled = await sandbox.injectedErrorCount(status: 429, scope: "reads")
        let unavailable = await sandbox.injectedErrorCount(status: 503, scope: "reads")
        #expect(throttled > 0 && unavailable > 0, "both kinds were sent: 429 ×\(throttled), 503 ×\(unavailable)")
        // The seeded draws make the first three refusals 503, 429, 503: both kinds reach the app whatever the timing.
        #expect(throttled + unavailable >= 3, "the full load and the two Needs-me loads were each refused at least once")

        let loaded = try await tmux.waitFor(timeout: 30) { $0.contains("All 300") }
        #expect(loaded.contains("All 300"), "the whole queue loaded:\n\(loaded)")
        try tmux.send("7")
        let all = try await tmux.waitFor { position($0)?.total == 300 && selectedUUID($0) != nil && !$0.contains("loading the full order") }
        #expect(position(all)?.total == 300, "the All queue shows every order:\n\(all)")
        let status = statusLine(all)
        for word in ["HTTP", "429", "503", "throttled", "Unavailable", "STALE", "failed", "could not"] {
            #expect(!status.contains(word), "no error in the status line: \(status)")
        }
        #expect(!all.contains("could not load the full order"), "the detail loaded too:\n\(all)")
        await sandbox.stop()
    }

    @Test func approvesAnswered503Or429AreShownUnchangedAndSentOnce() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions())
        let api = WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(token(sandbox))))
        let tmux = try launch(sandbox)
        let loaded = try await tmux.waitFor(timeout: 30) { $0.contains("All 300") }
        try #require(loaded.contains("All 300"), "the list did not load:\n\(loaded)")
        try tmux.send("7", "/")
        try tmux.type("state:pending-provider")
        try await tmux.closeText()
        let first = try await tmux.waitFor { selectedUUID($0) != nil && position($0)?.index == 1 && !$0.contains("loading the full order") }
        let firstUUID = try #require(selectedUUID(first), "\(first)")
        let count = try #require(position(first)?.total)
        try #require(count >= 2, "two pending-provider orders to approve:\n\(first)")

        var seen: [String] = []
        for (status, expected) in [(503, "HTTP 503 Service Unavailable"), (429, "HTTP 429 Too Many Requests: Request was throttled")] {
            let screen: String
            if seen.isEmpty {
                screen = first
            } else {
                try tmux.send("j")
                screen = try await tmux.waitFor { selectedUUID($0).map { !seen.contains($0) } ?? false && !$0.contains("loading the full order") }
            }
            let uuid = try #require(selectedUUID(screen), "\(screen)")
            seen.append(uuid)
            try #require(try await api.retrieve(WaldurUUID(uuid)).state == .pendingProvider)
            try await sandbox.setFaults("error=1:\(status):approve_by_provider")
            try tmux.send("a")
            let dialog = try await tmux.waitFor("Confirm: approve")
            try #require(dialog.contains("Confirm: approve"), "\(dialog)")
            try tmux.send("y")
            let shown = try await tmux.waitFor { statusLine($0).contains("HTTP \(status)") }
            let line = statusLine(shown)
            #expect(line.contains(expected), "the server's answer is on the status line: \(line)")
            #expect(line.contains(String(uuid.prefix(8))), "naming the order: \(line)")
            // Longer than the Retry-After second: a retry, were there one, would have arrived by now.
            try await Task.sleep(nanoseconds: 1_500_000_000)
            let posts = await sandbox.mutationCount(order: uuid, action: "approve_by_provider")
            #expect(posts == 1, "the \(status)-answered approve was sent once, never retried (saw \(posts))")
            let state = try await api.retrieve(WaldurUUID(uuid)).state
            #expect(state == .pendingProvider, "the order is unchanged on the server (\(String(describing: state)))")
            #expect(await sandbox.injectedErrorCount(status: status, scope: "approve_by_provider") == 1)
            try await sandbox.setFaults("none")
        }
        #expect(seen.count == 2 && seen[0] == firstUUID && seen[0] != seen[1])
        await sandbox.stop()
    }
}

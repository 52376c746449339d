import Foundation
import Testing
import WaldurClient

/// The real binary in tmux opens an erred order's detail in `$PAGER` (a script that records what it received and
/// waits for a key) and comes back to an intact screen (issue 12).
@Suite(.serialized) struct PagerTests {
    @Test func aTracebackOpensInThePagerAndTheScreenComesBack() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pager-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("received.txt").path
        let script = dir.appendingPathComponent("pager.sh").path
        try """
        #!/bin/sh
        cat > '\(record)'
        echo "PAGER-RUNNING $(wc -l < '\(record)') lines"
        read answer < /dev/tty
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)

        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0", width: 120, height: 40,
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.token("staff"), "PAGER": script])
        _ = try await tmux.waitFor { $0.contains("All 300") }
        try tmux.send("4")
        // The Erred queue lists the error; the second order (seeded data) has a message and a traceback.
        func selected(_ screen: String) -> String? {
            screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression).map { String(screen[$0].suffix(32)) }
        }
        let first = try await tmux.waitFor { $0.contains("Error") && $0.contains("Quota exceeded") && selected($0) != nil }
        try tmux.send("j")
        // Wait for the second order's full detail (the pager gets what is loaded).
        let erred = try await tmux.waitFor { s in selected(s) != nil && selected(s) != selected(first) && !s.contains("loading the full order") }
        let uuid = try #require(selected(erred))

        try tmux.send("|")
        let paging = try await tmux.waitFor("PAGER-RUNNING")
        #expect(paging.contains("PAGER-RUNNING"), "\(paging)")
        #expect(!paging.contains("All 300"), "the app's screen is suspended while the pager runs:\n\(paging)")

        try tmux.send("Enter")
        let back = try await tmux.waitFor { $0.contains("All 300") && $0.contains("? keys") }
        // An intact screen: header, tabs, the Erred columns, the detail and the hint line are all drawn again.
        #expect(back.contains("waldur-orders"), "\(back)")
        #expect(back.contains("4 Erred"))
        #expect(back.contains("Resource") && back.contains("Error"))
        #expect(back.contains(uuid))
        #expect(!back.contains("PAGER-RUNNING"), "\(back)")

        // The pager got the whole detail, sanitised: the uuid, the message and every traceback line, no raw escape.
        let received = try String(contentsOfFile: record, encoding: .utf8)
        #expect(received.contains(uuid))
        #expect(received.contains("── Traceback ──"))
        #expect(received.contains("Traceback (most recent call last):\n  File "))
        #expect(!received.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        // The app still answers keys.
        try tmux.send("q")
        let exited = try await tmux.waitFor("[exited 0]")
        #expect(exited.contains("[exited 0]"))
    }
}

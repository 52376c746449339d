import Foundation
import Testing
import WaldurClient

/// The real binary in tmux against `waldur-orders sandbox --hostile --orders 0` (only the hostile orders): every row and
/// detail pane is opened, and the bytes the app wrote, the screen, the pane title and the clipboard are checked.
@Suite(.serialized) struct HostileDataTests {
    static let title = "waldur-e2e-title"

    /// The "k/N" position on the status line (the last such pair on screen).
    static func position(_ screen: String) -> (index: Int, total: Int)? {
        // The status line ends with it; the detail pane's header carries a scroll indicator of the same form.
        for line in screen.split(separator: "\n").reversed() where !line.contains("Detail │") {
            guard let last = line.split(separator: " ").last else { continue }
            let parts = last.split(separator: "/")
            if parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) { return (k, n) }
        }
        return nil
    }

    static func selectedUUID(_ screen: String) -> String? {
        guard let range = screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) else { return nil }
        return String(screen[range].suffix(32))
    }

    /// The full-screen detail (its header on the third line), with the scroll indicator at the end, or none when it fits.
    static func fullDetailAtBottom(_ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 3, lines[2].hasPrefix(" Detail │") else { return false }
        let words = lines[2].split(separator: " ")
        guard let last = words.last, last.contains("/") else { return true }
        let parts = last.split(separator: "/")
        return parts.count == 2 && parts[0] == parts[1]
    }

    /// What in the app's output could change the terminal beyond drawing: string sequences (OSC title, clipboard and
    /// hyperlinks; DCS such as tmux passthrough; APC, PM, SOS), a reset, and raw controls that the sanitiser replaces.
    static func rawHazards(_ bytes: [UInt8]) -> [String] {
        var found: [String: Int] = [:]
        func note(_ what: String) { found[what, default: 0] += 1 }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            let third = i + 2 < bytes.count ? bytes[i + 2] : 0
            switch b {
            case 0x1B:
                switch next {
                case UInt8(ascii: "]"): note("OSC")
                case UInt8(ascii: "P"): note("DCS")
                case UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"): note("APC/PM/SOS")
                case UInt8(ascii: "c"): note("RIS")
                default: break
                }
            case 0x00: note("NUL")
            case 0x07: note("BEL")
            case 0x7F: note("DEL")
            case 0x08, 0x09, 0x0A, 0x0D: break
            case 0x01...0x1F: note(String(format: "C0 %02X", b))
            case 0xC2 where (0x80...0x9F).contains(next): note(String(format: "C1 U+%04X", Int(next)))
            case 0xE2 where next == 0x80 && ((0x8B...0x8F).contains(third) || (0xAA...0xAE).contains(third)):
                note(String(format: "format U+20%02X", Int(third) - 0x80))
            case 0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): note(String(format: "isolate U+20%02X", Int(third) - 0x80 + 0x40))
            case 0xEF where next == 0xBB && third == 0xBF: note("BOM")
            case 0xD8 where next == 0x9C: note("ALM")
            default: break
            }
            i += 1
        }
        return found.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
    }

    /// Controls left on the screen itself (capture-pane -e: only SGR attribute sequences are expected).
    static func screenHazards(_ captured: String) -> [String] {
        let stripped = captured.replacingOccurrences(of: #"\x1B\[[0-9;:]*m"#, with: "", options: .regularExpression)
        return rawHazards(Array(stripped.utf8))
    }

    @Test func everyHostileOrderIsDrawnAsPlaceholdersWithoutTouchingTitleOrClipboard() async throws {
        let sandbox = try SandboxProcess(arguments: ["--hostile", "--orders", "0"])
        defer { sandbox.stop() }
        let api = WaldurClient(configuration: ClientConfiguration(apiRoot: URL(string: sandbox.url) ?? URL(fileURLWithPath: "/"),
                                                                  token: APIToken(sandbox.token("staff"))))
        var query = OrderListQuery()
        query.fields = ["uuid"]
        let serverUUIDs = Set(try await api.listAll(query).map { $0.uuid.hex.lowercased().replacingOccurrences(of: "-", with: "") })
        try #require(serverUUIDs.count > 30, "the hostile seed has three dozen orders")

        // The app waits for a go file, so the title, the clipboard option and the byte log are in place before its first byte.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let go = dir.appendingPathComponent("go").path, log = dir.appendingPathComponent("pty.log").path
        let app = "until [ -e \(go) ]; do sleep 0.05; done; exec \(Binary.url.path) --api-url \(sandbox.url) --refresh 0"
        let sttyCheck = "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo;"
        let tmux = try Tmux("sh -c \(Tmux.quote(app))", environment: ["WALDUR_ACCESS_TOKEN": sandbox.token("staff")],
                            after: sttyCheck, config: ["set -g set-clipboard on"])
        try tmux.setPaneTitle(Self.title)
        try tmux.run(["pipe-pane", "-o", "-t", tmux.session, "cat >> \(Tmux.quote(log))"])
        try #require(try tmux.paneTitle() == Self.title)
        try #require(try tmux.bufferNames().isEmpty)
        _ = FileManager.default.createFile(atPath: go, contents: nil)

        let total = serverUUIDs.count
        let loaded = try await tmux.waitFor(timeout: 30) { $0.contains("All \(total)") }
        try #require(loaded.contains("All \(total)"), "the hostile queue loaded:\n\(loaded)")
        try tmux.send("7", "g")
        let top = try await tmux.waitFor { Self.position($0)?.index == 1 && Self.position($0)?.total == total }
        try #require(Self.position(top)?.index == 1 && Self.position(top)?.total == total, "the All queue, first row:\n\(top)")

        var seen = Set<String>()
        var screens: [String] = []
        var problems: [String] = []
        var openedEvilOffering = false, openedOtherOffering = false
        for i in 0..<total {
            if i > 0 { try tmux.send("j") }
            // The row is selected and its full order fetched.
            let row = try await tmux.waitFor(timeout: 15, interval: 0.03) { s in
                Self.position(s)?.index == i + 1 && Self.selectedUUID(s) != nil && !s.contains("loading the full order")
            }
            guard Self.position(row)?.index == i + 1, let uuid = Self.selectedUUID(row) else {
                Issue.record("row \(i + 1) was not selected and loaded:\n\(row)")
                break
            }
            if row.contains("could not load the full order") { problems.append("row \(i + 1): \(uuid) did not load") }
            seen.insert(uuid)
            screens.append(row)
            let hazards = Self.screenHazards(try tmux.screenWithEscapes())
            if !hazards.isEmpty { problems.append("row \(i + 1) screen: \(hazards)") }
            // The detail pane full screen, scrolled to its end.
            try tmux.send("Enter", "G")
            let detail = try await tmux.waitFor(timeout: 15, interval: 0.03) { Self.fullDetailAtBottom($0) }
            if !Self.fullDetailAtBottom(detail) { problems.append("row \(i + 1): the full detail did not open:\n\(detail)") }
            screens.append(detail)
            let detailHazards = Self.screenHazards(try tmux.screenWithEscapes())
            if !detailHazards.isEmpty { problems.append("row \(i + 1) detail: \(detailHazards)") }
            try tmux.send("Enter")
            // The offering window (drawn from the row's offering texts) once for the hostile offering and once for another.
            let evil = detail.contains("pwned-offering")
            if !(evil ? openedEvilOffering : openedOtherOffering) {
                try tmux.send("o")
                let offering = try await tmux.waitFor(timeout: 15, interval: 0.03) { $0.contains(" of it in All:") }
                if !offering.contains(" of it in All:") { problems.append("row \(i + 1): the offering window did not open:\n\(offering)") }
                screens.append(offering)
                try tmux.send("o")
                if evil { openedEvilOffering = true } else { openedOtherOffering = true }
            }
        }
        #expect(openedEvilOffering && openedOtherOffering)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(seen == serverUUIDs, "every hostile order was opened (\(seen.count) of \(serverUUIDs.count))")

        let all = screens.joined(separator: "\n")
        // The escapes are drawn as visible placeholders followed by their harmless remainder.
        #expect(all.contains("\u{FFFD}[2J\u{FFFD}[H\u{FFFD}[31mCLEARED"), "CSI shown as text")
        #expect(all.contains("\u{FFFD}]52;c;cHduZWQ=\u{FFFD}"), "OSC 52 shown as text")
        #expect(all.contains("\u{FFFD}]0;pwned"), "OSC 0 shown as text")
        #expect(all.contains("\u{FFFD}]2;pwned-too"), "OSC 2 shown as text")
        #expect(all.contains("\u{FFFD}]8;;http://evil.example/"), "OSC 8 shown as text")
        #expect(all.contains("nul\u{FFFD}byte\u{FFFD}here"), "NUL shown as a placeholder")
        #expect(all.contains("\u{241B}[5mblink\u{241B}[0m"), "an unknown state with escapes is drawn with the ESC picture")
        #expect(all.contains("pending-quantum") && all.contains("Migrate"), "unknown states and types are shown as sent")
        #expect(all.contains("[cut: "), "a megabyte string is cut for display")
        #expect(!all.contains("(time unknown)  created"), "every odd but valid date was read")

        // Nothing the app wrote could set a title, the clipboard or a link, or reach the terminal as a raw control.
        let bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data())
        #expect(bytes.count > 10_000, "the pty log holds the session (\(bytes.count) bytes)")
        #expect(Self.rawHazards(bytes).isEmpty, "raw hazards in the app's output: \(Self.rawHazards(bytes))")
        #expect(try tmux.paneTitle() == Self.title, "the pane title did not change")
        let buffers = try tmux.bufferNames()
        #expect(buffers.isEmpty, "no OSC 52 reached tmux: \(buffers)")

        // The same checks see an OSC 52 when one is written: the app's own copy of the uuid (y) lands in a buffer and the log.
        try tmux.send("y")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try tmux.bufferNames().isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
        let copied = try tmux.bufferNames()
        #expect(copied.count == 1, "the app's OSC 52 creates a buffer: \(copied)")
        #expect(try copied.first.map { try tmux.bufferText($0) }.map(serverUUIDs.contains) == true, "holding a uuid")
        let after = Array((try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data())
        #expect(Self.rawHazards(after).contains { $0.hasPrefix("OSC") }, "the log check sees it: \(Self.rawHazards(after))")

        // Still responsive: the selection moves back up, and q leaves the terminal in cooked mode with echo.
        try tmux.send("k")
        let moved = try await tmux.waitFor { Self.position($0)?.index == total - 1 }
        #expect(Self.position(moved)?.index == total - 1, "k moves the selection:\n\(moved)")
        try tmux.send("q")
        let exited = try await tmux.waitFor { $0.contains("[exited") && $0.contains("icanon") }
        #expect(exited.contains("[exited 0]"), "\(exited)")
        #expect(exited.contains("icanon echo") && !exited.contains("-icanon") && !exited.contains("-echo "), "\(exited)")
    }

    /// The checks above can fail: in the same kind of tmux server, a raw OSC 52 and OSC 2 printed by a plain shell do
    /// create a paste buffer and change the pane title; and the app's own copy (y) lands in a buffer too.
    @Test func rawOSC52AndTitleFromAShellDoReachTmux() async throws {
        let tmux = try Tmux("sleep 30", config: ["set -g set-clipboard on"])
        try tmux.setPaneTitle(Self.title)
        try #require(try tmux.bufferNames().isEmpty)
        let pane = try tmux.newWindow("printf '\\033]52;c;cHduZWQ=\\007\\033]2;pwned-title\\033\\\\'; echo printed; sleep 30")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try tmux.bufferNames().isEmpty || tmux.paneTitle(pane) != "pwned-title" {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let names = try tmux.bufferNames()
        #expect(names.count == 1, "a raw OSC 52 creates a paste buffer: \(names)")
        #expect(try names.first.map { try tmux.bufferText($0) } == "pwned")
        #expect(try tmux.paneTitle(pane) == "pwned-title", "a raw OSC 2 sets the pane title")
        #expect(try tmux.paneTitle() == Self.title, "titles are per pane")
    }
}

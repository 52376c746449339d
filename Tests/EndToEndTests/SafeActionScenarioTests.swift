import Foundation
import Testing
import WaldurClient
import WaldurSandbox

/// Issue 10's five scenarios, replayed literally in a real terminal against `sandbox --seed 7`: the sentences are
/// typed, the POSTs the sandbox received are counted, and the audit log and the server's orders are read after.
@Suite(.serialized) struct SafeActionScenarioTests {
    let stateHome = FileManager.default.temporaryDirectory.appendingPathComponent("safe-actions-\(UUID().uuidString)")

    func start(faults: String? = nil) async throws -> RunningSandbox {
        var options = SandboxOptions()
        options.seed = 7
        options.faults = faults
        return try await Sandbox.start(options)
    }

    func openApp(_ sandbox: RunningSandbox, role: String, waitForLoad: Bool = true) async throws -> Tmux {
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0", width: 120, height: 40,
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.user(role: role)?.token ?? "",
                                          "XDG_STATE_HOME": stateHome.path])
        if waitForLoad {
            let loaded = try await tmux.waitFor { $0.contains("All 300") }
            try #require(loaded.contains("All 300"), "the list did not load:\n\(loaded)")
        }
        return tmux
    }

    func api(_ sandbox: RunningSandbox) -> WaldurClient {
        WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(sandbox.user(role: "staff")?.token ?? "")))
    }

    func auditLines() -> [String] {
        let url = stateHome.appendingPathComponent("waldur-orders/audit.log")
        return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The status line (second line from the bottom of the pane).
    func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = Array(lines.reversed().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }.reversed())
        return trimmed.count >= 2 ? trimmed[trimmed.count - 2] : ""
    }

    func selectedUUID(_ screen: String) -> String? {
        guard let range = screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) else { return nil }
        return String(screen[range].suffix(32))
    }

    /// Narrows the list with a filter typed at the `/` prompt and waits until the detail shows a selected order.
    func filter(_ tmux: Tmux, _ text: String) async throws -> String {
        try tmux.send("/")
        try tmux.type(text)
        _ = try await tmux.waitFor(text)
        try await Task.sleep(nanoseconds: 300_000_000)
        try await tmux.closeText()
        return try await tmux.waitFor { s in self.selectedUUID(s) != nil && !s.contains("Confirm") }
    }

    @Test("1. a rejection comment typed as a sentence, with Enter in the middle, stays text; nothing is sent until asked")
    func typedTextNeverBecomesCommands() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let tmux = try await openApp(sandbox, role: "provider")
        try tmux.send("7")
        let screen = try await filter(tmux, "state:pending-provider")
        let uuid = try #require(selectedUUID(screen))
        try tmux.send("r")
        _ = try await tmux.waitFor("Confirm: reject")
        try tmux.type("Budget")
        try tmux.send("Enter")
        try tmux.type("Sorry, cannot approve yet")
        let typed = try await tmux.waitFor("BudgetSorry, cannot approve yet")
        #expect(typed.contains("Confirm: reject"), "the dialog is still open:\n\(typed)")
        #expect(!statusLine(typed).contains("marked"), "nothing got marked: \(statusLine(typed))")
        #expect(await sandbox.mutationTotal() == 0, "nothing was sent")
        try tmux.type(" and no more")
        _ = try await tmux.waitFor("cannot approve yet and no more")
        #expect(await sandbox.mutationTotal() == 0)
        // Esc cancels: still nothing sent, nothing marked, the audit log has nothing.
        let cancelled = try await tmux.closeText("Escape") { !$0.contains("Confirm: reject") }
        #expect(!statusLine(cancelled).contains("marked"))
        #expect(await sandbox.mutationTotal() == 0)
        #expect(auditLines().isEmpty)
        #expect(try await api(sandbox).retrieve(WaldurUUID(uuid)).state == .pendingProvider)
        // The text comes back with the next reject; the chord sends exactly that one reject, once.
        try tmux.send("r")
        _ = try await tmux.waitFor("BudgetSorry, cannot approve yet and no more")
        try tmux.send("C-y")
        _ = try await tmux.waitFor("reject: 1 order done")
        #expect(await sandbox.mutationTotal() == 1)
        #expect(await sandbox.mutationCount(order: uuid, action: "reject_by_provider") == 1)
        #expect(try await api(sandbox).retrieve(WaldurUUID(uuid)).state == .rejected)
        let audit = auditLines()
        #expect(audit.count == 1)
        #expect(audit.first?.contains("\"text\":\"BudgetSorry, cannot approve yet and no more\"") == true, "\(audit)")
        await sandbox.stop()
    }

    @Test("2. marks of orders whose action succeeded are gone; a later action names only what is on screen")
    func marksDoNotOutliveTheAction() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let tmux = try await openApp(sandbox, role: "provider")
        try tmux.send("7")
        _ = try await filter(tmux, "offering:\"basic vm\" state:pending-provider")
        try tmux.send("Space")
        try tmux.send("Space")
        let marked = try await tmux.waitFor { self.statusLine($0).contains("2 marked") }
        #expect(statusLine(marked).contains("2 marked"), "\(statusLine(marked))")
        try tmux.send("a")
        _ = try await tmux.waitFor("Confirm: approve")
        try tmux.send("y")
        let after = try await tmux.waitFor { $0.contains("approve: 2 orders done") }
        #expect(!statusLine(after).contains("marked"), "no mark outlives a successful action: \(statusLine(after))")
        #expect(await sandbox.mutationTotal() == 2)
        // Another order, cancel: the dialog is about that order alone.
        _ = try await filter(tmux, "offering:\"basic vm\"")
        try tmux.send("c")
        let dialog = try await tmux.waitFor { $0.contains("Confirm: cancel") || $0.contains("cannot cancel") }
        if dialog.contains("Confirm: cancel") {
            #expect(dialog.contains("cancel 1 order"), "\(dialog)")
            #expect(!dialog.contains("not in this view"))
            try tmux.send("Escape")
        }
        #expect(await sandbox.mutationTotal() == 2, "nothing else was sent")
        await sandbox.stop()
    }

    @Test("3. Esc after an action never brings back its messages")
    func escDoesNotResurrect() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let tmux = try await openApp(sandbox, role: "provider")
        try tmux.send("7")
        _ = try await filter(tmux, "state:pending-provider")
        try tmux.send("a")
        _ = try await tmux.waitFor("Confirm: approve")
        try tmux.send("y")
        _ = try await tmux.waitFor("approve: 1 order done")
        for _ in 0..<3 {
            try tmux.send("Escape")
            try await Task.sleep(nanoseconds: 200_000_000)
            let line = statusLine(try tmux.screen())
            #expect(!line.contains("running") && !line.contains("approve"), "Esc showed an old message: \(line)")
        }
        // The message log has them all, in full.
        try tmux.send("m")
        let log = try await tmux.waitFor("Messages (newest first")
        #expect(log.contains("approve 1 order as provider → executing: running"))
        #expect(log.contains("(approve_by_provider) → HTTP 200"))
        await sandbox.stop()
    }

    @Test("4. set erred shows the message it replaces, and the audit log keeps the old message and traceback")
    func setErredKeepsTheEvidence() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let api = api(sandbox)
        var query = OrderListQuery()
        query.state = [.erred]
        let erred = try await api.listAll(query).filter { $0.offeringType == "Marketplace.Slurm" }
        let pick = try #require(erred.first { ($0.errorTraceback ?? "").isEmpty == false } ?? erred.first, "an erred SLURM order in seed 7")
        let before = try await api.retrieve(pick.uuid)
        let tmux = try await openApp(sandbox, role: "staff")
        try tmux.send("7")
        let shown = try await filter(tmux, before.uuid.hex)
        #expect(selectedUUID(shown) == before.uuid.hex)
        try tmux.send("e")
        let dialog = try await tmux.waitFor { $0.contains("Confirm: set erred") && $0.contains("Current error message") }
        #expect(dialog.contains("replaces the error message and the traceback"), "\(dialog)")
        try tmux.type("Manual: slurmctld down")
        try tmux.send("C-y")
        _ = try await tmux.waitFor("set erred: 1 order done")
        let after = try await api.retrieve(before.uuid)
        #expect(after.errorMessage == "Manual: slurmctld down")
        #expect(after.state == .erred)
        let record = try #require(auditLines().last.flatMap { try? JSONParser.parse($0) })
        #expect(record["replaced_error_message"]?.stringValue == before.errorMessage)
        #expect(record["replaced_error_traceback"]?.stringValue == before.errorTraceback)
        // `waldur-orders audit` shows what was overwritten.
        let audit = try Binary.run(["audit"], environment: ["XDG_STATE_HOME": stateHome.path])
        #expect(audit.stdout.contains("replaced message: \"\(before.errorMessage ?? "")\""), "\(audit.stdout)")
        await sandbox.stop()
    }

    @Test("5. a load error clears once a later load works")
    func loadErrorsDoNotOutliveTheOutage() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start(faults: "error=1:503:list")
        let tmux = try await openApp(sandbox, role: "staff", waitForLoad: false)
        let failed = try await tmux.waitFor { self.statusLine($0).contains("loading orders failed") }
        #expect(statusLine(failed).contains("loading orders failed"), "\(failed)")
        try await sandbox.setFaults("none")
        try tmux.send("R")
        let back = try await tmux.waitFor { $0.contains("All 300") && !self.statusLine($0).contains("failed") }
        #expect(back.contains("All 300"))
        #expect(!statusLine(back).contains("failed"), "the error went with the outage: \(statusLine(back))")
        await sandbox.stop()
    }

    /// Types `text` key by key, `gap` apart, as a person does (each key its own read in the app).
    func typeByHand(_ tmux: Tmux, _ text: String, gap: UInt64 = 90_000_000) async throws {
        for ch in text {
            try tmux.type(String(ch))
            try await Task.sleep(nanoseconds: gap)
        }
    }

    @Test("6. a sentence with Enter in the middle, typed by hand into the filter prompt: the rest never becomes commands")
    func sentenceThroughTheFilterPromptStaysText() async throws {
        defer { try? FileManager.default.removeItem(at: stateHome) }
        let sandbox = try await start()
        let tmux = try await openApp(sandbox, role: "provider")
        try tmux.send("7")
        _ = try await filter(tmux, "state:pending-provider")
        try tmux.send("/")
        _ = try await tmux.waitFor { $0.contains("keep filter") }
        try tmux.send("C-u")
        try await typeByHand(tmux, "state:pending-provider")
        try tmux.send("Enter")
        // Typed on at once, with pending-provider rows on screen: a space would mark, a open approve and y confirm it,
        // r open reject, q quit.
        try await typeByHand(tmux, " and reply yes")
        try await typeByHand(tmux, " r y a y q")
        try await Task.sleep(nanoseconds: 300_000_000)
        let after = try await tmux.waitFor { self.statusLine($0).contains("discarded") }
        #expect(statusLine(after).contains("typed on after the text closed"), "the status line says keys were dropped: \(statusLine(after))")
        #expect(!after.contains("Confirm:"), "no dialog opened:\n\(after)")
        #expect(!statusLine(after).contains("marked"), "nothing got marked: \(statusLine(after))")
        #expect(!after.contains("[exited"), "q did not quit")
        #expect(await sandbox.mutationTotal() == 0, "nothing was sent")
        #expect(auditLines().isEmpty)
        // After a pause the keys are commands again: the selection moves.
        try await Task.sleep(nanoseconds: 700_000_000)
        try tmux.send("/")
        _ = try await tmux.waitFor { $0.contains("keep filter") }
        try tmux.send("C-u")
        try tmux.type("state:pending-provider")
        try await tmux.closeText()
        let before = try #require(selectedUUID(try await tmux.waitFor { self.selectedUUID($0) != nil }))
        try tmux.send("j")
        let moved = try await tmux.waitFor { s in self.selectedUUID(s).map { $0 != before } ?? false }
        #expect(selectedUUID(moved) != before, "j after a pause moves the selection:\n\(moved)")
        await sandbox.stop()
    }
}

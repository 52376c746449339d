import Foundation
import Testing
import WaldurClient

/// The real binary in a real terminal (tmux) against a sandbox process: keys in, screen out, state checked through the API.
@Suite(.serialized) struct TerminalSessionTests {
    let sandbox: SandboxProcess
    let api: WaldurClient

    init() throws {
        sandbox = try SandboxProcess()
        api = WaldurClient(configuration: ClientConfiguration(apiRoot: URL(string: sandbox.url) ?? URL(fileURLWithPath: "/"),
                                                              token: APIToken(sandbox.token("staff"))))
    }

    func openApp(width: Int = 120, height: Int = 40, role: String = "staff", extra: String = "", after: String = "") async throws -> Tmux {
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url) --refresh 0 \(extra)", width: width, height: height,
                            environment: ["WALDUR_ACCESS_TOKEN": sandbox.token(role)], after: after)
        let screen = try await tmux.waitFor { $0.contains("All 300") }
        try #require(screen.contains("All 300"), "the list did not load:\n\(screen)")
        return tmux
    }

    /// The uuid shown in the detail pane for the selected order.
    func selectedUUID(_ screen: String) -> String? {
        guard let range = screen.range(of: #"uuid\s+[0-9a-f]{32}"#, options: .regularExpression) else { return nil }
        return String(screen[range].suffix(32))
    }

    func state(of uuid: String) async throws -> OrderState? {
        try await api.retrieve(WaldurUUID(uuid)).state
    }

    /// The state words of the list rows on screen.
    func listedStates(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count > 2, ["◔", "◑", "◕", "◷", "▶", "✔", "✖", "⊘", "✗", "?"].contains(String(words[0])) || line.hasPrefix("   ") else { return nil }
            return OrderState.known.map(\.wire).first { state in words.contains { $0 == state } }
        }
    }

    @Test func filterNarrowsLiveThenApproveThroughTheConfirmation() async throws {
        defer { sandbox.stop() }
        let tmux = try await openApp()
        try tmux.send("/")
        try tmux.type("state:pending-provider")
        let filtered = try await tmux.waitFor { screen in
            let states = listedStates(screen)
            return !states.isEmpty && states.allSatisfy { $0 == "pending-provider" }
        }
        #expect(listedStates(filtered).allSatisfy { $0 == "pending-provider" }, "\(filtered)")
        try await tmux.closeText()
        let screen = try await tmux.waitFor { selectedUUID($0) != nil }
        let uuid = try #require(selectedUUID(screen))
        #expect(try await state(of: uuid) == .pendingProvider)
        try tmux.send("a")
        let dialog = try await tmux.waitFor("Confirm: approve")
        #expect(dialog.contains("approve 1 order as provider → executing"))
        #expect(dialog.contains(String(uuid.prefix(8))), "the dialog names the order on screen")
        #expect(dialog.contains("[ No ]"))
        // Enter on the dialog chooses its default, No: nothing is sent.
        try tmux.send("Enter")
        _ = try await tmux.waitFor { !$0.contains("Confirm: approve") }
        #expect(try await state(of: uuid) == .pendingProvider)
        try tmux.send("a")
        _ = try await tmux.waitFor("Confirm: approve")
        try tmux.send("y")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try await state(of: uuid) == .pendingProvider { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(try await state(of: uuid) == .executing)
        // The list shows the state the server confirmed (the filter now hides it or shows executing).
        let after = try await tmux.waitFor { !$0.contains(String(uuid.prefix(8)) + "  ◑") }
        #expect(!after.contains("Confirm: approve"))
    }

    @Test func rejectAsConsumerAndRefuseAnUnavailableAction() async throws {
        defer { sandbox.stop() }
        let tmux = try await openApp()
        try tmux.send("7")
        try tmux.send("/")
        try tmux.type("state:pending-consumer")
        try await tmux.closeText()
        let screen = try await tmux.waitFor { s in listedStates(s).first == "pending-consumer" && selectedUUID(s) != nil }
        let uuid = try #require(selectedUUID(screen))
        try tmux.send("r")
        let dialog = try await tmux.waitFor("Confirm: reject")
        #expect(dialog.contains(String(uuid.prefix(8))))
        #expect(dialog.contains("reject 1 order as consumer → rejected"))
        #expect(!dialog.contains("rejection comment"), "a consumer reject takes no comment")
        try tmux.send("y")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try await state(of: uuid) == .pendingConsumer { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(try await state(of: uuid) == .rejected)
        // An erred order cannot be approved: the status line says why and nothing is sent.
        try tmux.send("/")
        try tmux.send("C-u")
        try tmux.type("state:erred")
        try await tmux.closeText()
        let erred = try await tmux.waitFor { s in listedStates(s).first == "erred" && selectedUUID(s) != nil }
        let erredUUID = try #require(selectedUUID(erred))
        try tmux.send("a")
        let refused = try await tmux.waitFor("cannot approve")
        #expect(refused.contains("this one is erred"))
        #expect(!refused.contains("Confirm: approve"))
        #expect(try await state(of: erredUUID) == .erred)
    }

    @Test func queuesKeepTheFilterAndResizeRedraws() async throws {
        defer { sandbox.stop() }
        let tmux = try await openApp()
        try tmux.send("4")
        let erred = try await tmux.waitFor { s in !listedStates(s).isEmpty && listedStates(s).allSatisfy { $0 == "erred" } }
        #expect(listedStates(erred).allSatisfy { $0 == "erred" })
        try tmux.send("/")
        try tmux.type("type:update")
        try await tmux.closeText()
        try tmux.send("7")
        let all = try await tmux.waitFor { s in s.contains("type:update") && listedStates(s).contains { $0 != "erred" } }
        #expect(all.contains("type:update"), "the filter is kept across queues:\n\(all)")
        // Resize: 80×24 still draws a full frame; very small says so; back to normal draws the list again.
        try tmux.resize(width: 80, height: 24)
        let small = try await tmux.waitFor { s in s.split(separator: "\n").count <= 24 && s.contains("All ") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(small.contains("All "))
        try tmux.resize(width: 30, height: 8)
        let tiny = try await tmux.waitFor { $0.lowercased().contains("too small") }
        #expect(tiny.lowercased().contains("too small"))
        try tmux.resize(width: 120, height: 40)
        let back = try await tmux.waitFor { s in s.contains("All ") && !s.lowercased().contains("too small") }
        #expect(!listedStates(back).isEmpty)
    }

    @Test func quitRestoresTheTerminal() async throws {
        defer { sandbox.stop() }
        let tmux = try await openApp(after: "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo;")
        try tmux.send("q")
        let screen = try await tmux.waitFor { $0.contains("[exited 0]") && $0.contains("icanon") }
        #expect(screen.contains("[exited 0]"))
        #expect(screen.contains("icanon echo"), "the terminal is back in cooked mode with echo:\n\(screen)")
        #expect(!screen.contains("All 300"), "the alternate screen is gone")
    }
}

import Foundation
import OrderStore
import Testing
@testable import TerminalUI
import WaldurClient

/// Keys from k9s, tig and less (issue 12): half pages, an empty filter prompt with history, the pager and the copy.
@Suite struct HabitKeysTests {
    typealias Harness = ControllerTests.Harness

    static func all(_ count: Int = 100) -> AppState {
        var state = Fixture.state(Fixture.orders(count))
        _ = reduce(&state, .selectQueue(6))
        return state
    }

    @Test func ctrlDAndCtrlUMoveHalfAPageInTheListAndTheDetail() {
        var h = Harness(Self.all())
        h.height = 24
        let layout = ScreenLayout(width: h.width, height: h.height, detailFullScreen: false)
        let half = layout.listRows / 2
        #expect(h.state.selectedIndex == 0)
        h.press(.control("d"))
        #expect(h.state.selectedIndex == half)
        h.press(.control("d"))
        #expect(h.state.selectedIndex == 2 * half)
        h.press(.control("u"))
        #expect(h.state.selectedIndex == half)
        // In the full-screen detail, they scroll it by half its height.
        var erred = Fixture.order(1, state: .erred)
        erred.errorMessage = "boom"
        erred.errorTraceback = (1...200).map { "  File \"x.py\", line \($0)" }.joined(separator: "\n")
        var d = Harness(Fixture.state([erred]))
        d.height = 24
        d.press(.character("7"), .enter)
        _ = reduce(&d.state, .orderRetrieved(erred))
        #expect(d.controller.ui.detailFullScreen)
        d.press(.control("d"))
        let body = ScreenLayout(width: d.width, height: d.height, detailFullScreen: true).detail?.height ?? 0
        #expect(d.controller.ui.detailScroll == (body - 1) / 2)
        d.press(.control("u"))
        #expect(d.controller.ui.detailScroll == 0)
        #expect(KeyMap.defaults.command(for: .control("d")) == .halfPageDown)
        #expect(KeyMap.defaults.command(for: .control("u")) == .halfPageUp)
    }

    @Test func theFilterPromptStartsEmptyAndEscapeRestoresTheFilterInForce() {
        var h = Harness(Self.all(20))
        h.press(.character("/"))
        h.type("type:update")
        h.press(.enter)
        #expect(h.state.filterText == "type:update")
        // A new prompt starts empty: typing does not append to the old filter.
        h.press(.character("/"))
        #expect(h.state.filterText == "")
        h.type("fa793a")
        #expect(h.state.filterText == "fa793a")
        #expect(h.state.filterError == nil)
        h.press(.escape)
        #expect(h.state.filterText == "type:update")
    }

    @Test func upAndDownInThePromptRecallEarlierFiltersAndTheyAreSaved() {
        var h = Harness(Self.all(20))
        for filter in ["state:erred", "offering:gpu", "cost > 10"] {
            h.press(.character("/"))
            h.type(filter)
            h.press(.enter)
        }
        #expect(h.other.last == .saveFilterHistory(["state:erred", "offering:gpu", "cost > 10"]))
        let selected = h.state.selectedIndex
        h.press(.character("/"))
        h.type("dra")
        h.press(.up)
        #expect(h.state.filterText == "cost > 10")
        #expect(h.state.selectedIndex == selected, "Up no longer moves the selection")
        h.press(.up, .up)
        #expect(h.state.filterText == "state:erred")
        h.press(.up)
        #expect(h.state.filterText == "state:erred", "the oldest stays")
        h.press(.down)
        #expect(h.state.filterText == "offering:gpu")
        h.press(.down, .down)
        #expect(h.state.filterText == "dra", "past the newest: what was typed")
        h.press(.escape)
        #expect(h.state.filterText == "cost > 10")
        // A filter used again moves to the newest place.
        h.press(.character("/"))
        h.type("state:erred")
        h.press(.enter)
        #expect(h.controller.filterHistory.entries == ["offering:gpu", "cost > 10", "state:erred"])
    }

    @Test func theHistoryFileKeepsFiltersAcrossRestarts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = FilterHistoryFile(directory: dir)
        #expect(file.read() == [])
        try file.write(["a", "b \"quoted\"", "c"])
        #expect(FilterHistoryFile(directory: dir).read() == ["a", "b \"quoted\"", "c"])
        #expect(file.url.deletingLastPathComponent() == SortFile(directory: dir).url.deletingLastPathComponent())
        try Data("not json".utf8).write(to: file.url)
        #expect(file.read() == [])
    }

    static func erredState() -> (AppState, Order) {
        var erred = Fixture.order(1, state: .erred)
        erred.errorMessage = "Quota exceeded\nsecond line of the message"
        erred.errorTraceback = "Traceback (most recent call last):\n  File \"a.py\", line 1\n\u{1B}[31mValueError\u{1B}[0m: \u{1B}]52;c;ZXZpbA==\u{07}"
        erred.requestComment = "please\nsoon"
        var state = Fixture.state([erred])
        _ = reduce(&state, .selectQueue(6))
        _ = reduce(&state, .orderRetrieved(erred))
        return (state, erred)
    }

    @Test func thePagerGetsTheWholeSanitisedDetail() throws {
        let (state, _) = Self.erredState()
        var h = Harness(state)
        h.press(.character("|"))
        guard case let .openInPager(text)? = h.other.last else {
            Issue.record("no pager command: \(h.other)")
            return
        }
        #expect(text.contains("Quota exceeded\nsecond line of the message"))
        #expect(text.contains("Traceback (most recent call last):\n  File \"a.py\", line 1\n"))
        #expect(text.contains("please\nsoon"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no raw escape reaches the pager")
        #expect(text.contains("␛[31mValueError"))
        h.press(.character("v"))
        #expect(h.other.count == 2)
        #expect(ScreenDriver.pagerCommand(environment: [:]) == "less -R")
        #expect(ScreenDriver.pagerCommand(environment: ["PAGER": "most"]) == "most")
    }

    @Test func copyDetailSendsTheWholeTextOrSaysWhereItWasCut() {
        let (state, _) = Self.erredState()
        var h = Harness(state)
        h.press(.character("Y"))
        guard case let .copyToClipboard(text)? = h.other.last else {
            Issue.record("no copy")
            return
        }
        #expect(text.contains("second line of the message"))
        #expect(h.frame.grid.lines[h.height - 2].contains("copied the detail"))
        // The OSC 52 keeps line breaks and carries nothing raw.
        let osc = String(decoding: Clipboard.osc52(text), as: UTF8.self)
        let payload = osc.dropFirst("\u{1B}]52;c;".count).dropLast()
        let decoded = Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) }
        #expect(decoded == text)

        // A huge traceback is cut at the clipboard's size, with a note.
        var (big, erred) = Self.erredState()
        erred.errorTraceback = String(repeating: "x", count: 200_000)
        erred.modified = erred.modified?.addingTimeInterval(1)
        _ = reduce(&big, .orderRetrieved(erred))
        var b = Harness(big)
        b.press(.character("Y"))
        guard case let .copyToClipboard(cut)? = b.other.last else {
            Issue.record("no copy")
            return
        }
        #expect(Clipboard.osc52(cut).count <= Clipboard.maxPayloadBytes + 16)
        #expect(cut.utf8.count > 50_000)
        #expect(b.frame.grid.lines[b.height - 2].contains("copied the first"))
    }
}

@Suite struct PagerEnvironmentTests {
    @Test func aPagerGetsAUTF8CharacterTypeWhenTheAppFellBackToIt() {
        let bare = ScreenDriver.pagerEnvironment(["PATH": "/bin"], utf8: true)
        #expect(bare["LC_CTYPE"] == "C.UTF-8" && bare["LESSCHARSET"] == "utf-8")
        let set = ScreenDriver.pagerEnvironment(["LANG": "de_DE.UTF-8"], utf8: true)
        #expect(set["LC_CTYPE"] == nil)
        #expect(ScreenDriver.pagerEnvironment([:], utf8: false)["LC_CTYPE"] == nil)
    }
}

import Foundation
import OrderStore
import Testing
@testable import TerminalUI
import WaldurClient

@Suite struct ControllerTests {
    /// Feeds keys through the controller into the reducer, as the run loop does with the store.
    struct Harness {
        var state: AppState
        var controller: TerminalController
        var width = 100
        var height = 30
        var other: [UICommand] = []

        init(_ state: AppState, keyMap: KeyMap = .defaults) {
            self.state = state
            controller = TerminalController(keyMap: keyMap)
        }

        mutating func press(_ keys: Key...) {
            for key in keys { feed(.key(key)) }
        }

        mutating func type(_ text: String) {
            for ch in text { feed(.key(.character(ch))) }
        }

        mutating func feed(_ event: InputEvent) {
            for command in controller.handle(event, state: state, width: width, height: height) {
                if case let .send(action) = command { _ = reduce(&state, action) } else { other.append(command) }
            }
            controller.sync(state: state, width: width, height: height)
        }

        var frame: Frame { Fixture.renderer(keyMap: controller.keyMap).render(state: state, ui: controller.ui, width: width, height: height) }
    }

    static func pending() -> AppState {
        // Three pending-consumer orders this user may approve (in the "Needs me" list).
        let orders = (1...3).map { Fixture.order($0, state: .pendingConsumer, offeringType: "Marketplace.Basic") }
        var state = Fixture.state(orders, needsMe: orders, configuration: StoreConfiguration(isStaff: false, refreshInterval: 10))
        _ = reduce(&state, .selectQueue(6))
        return state
    }

    @Test func confirmationOpensWithNoFocusedAndEnterCancels() {
        var h = Harness(Self.pending())
        h.press(.character("a"))
        #expect(h.state.confirmation != nil)
        #expect(h.controller.ui.dialogFocus == .no)
        let frame = h.frame
        guard let no = frame.grid.find("[ No ]"), let yes = frame.grid.find("[ Yes ]") else {
            Issue.record("no buttons drawn")
            return
        }
        #expect(frame.grid[no.x, no.y].role == .buttonFocused)
        #expect(frame.grid[yes.x, yes.y].role == .button)
        #expect(frame.grid.text.contains("approve 1 order as consumer → pending-provider"))
        // A mis-keyed Enter cancels: nothing is sent to the server.
        h.press(.enter)
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.isEmpty)
    }

    @Test func yesConfirmsAndTabMovesFocus() {
        var h = Harness(Self.pending())
        h.press(.character("a"), .tab)
        #expect(h.controller.ui.dialogFocus == .yes)
        h.press(.tab)
        #expect(h.controller.ui.dialogFocus == .no)
        h.press(.character("y"))
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.count == 1)
    }

    @Test func escapeAndNCancel() {
        var h = Harness(Self.pending())
        h.press(.character("r"))
        #expect(h.state.confirmation != nil)
        #expect(h.controller.ui.dialogFocus == .no)  // a consumer-side reject takes no comment, so No has the focus
        h.press(.escape)
        #expect(h.state.confirmation == nil)
        h.press(.character("a"), .character("n"))
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.isEmpty)
    }

    @Test func bulkConfirmationCountsTheMarkedOrders() {
        var h = Harness(Self.pending())
        h.press(.character("*"), .character("a"))
        #expect(h.frame.grid.text.contains("approve 3 orders as consumer"))
        #expect(h.controller.ui.dialogFocus == .no)
    }

    @Test func inputDialogTypesIntoTheStore() {
        var orders = [Fixture.order(1, state: .executing, offeringType: "Marketplace.Slurm")]
        orders[0].offeringName = "HPC"
        var state = Fixture.state(orders)
        _ = reduce(&state, .selectQueue(6))
        var h = Harness(state)
        h.press(.character("e"))
        #expect(h.controller.ui.dialogFocus == .input)
        h.type("disk full")
        #expect(h.state.confirmation?.text == "disk full")
        h.press(.backspace)
        #expect(h.state.confirmation?.text == "disk ful")
        let frame = h.frame
        #expect(frame.cursor != nil)
        // Enter goes to the next field (the optional traceback), then to [Yes]: it never confirms by itself.
        h.press(.enter)
        #expect(h.controller.ui.dialogFocus == .field(1))
        h.press(.enter)
        #expect(h.controller.ui.dialogFocus == .yes)
        #expect(h.state.confirmation != nil)
        h.press(.enter)
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.count == 1)
    }

    @Test func unavailableActionSaysWhyInTheStatusLine() {
        var state = Fixture.state([Fixture.order(1, state: .done)])
        _ = reduce(&state, .selectQueue(6))
        var h = Harness(state)
        h.press(.character("a"))
        #expect(h.state.confirmation == nil)
        #expect(h.frame.grid.lines[h.height - 2].contains("cannot approve"))
    }

    @Test func liveFilterNarrowsAndEscapeRestores() {
        var orders = Fixture.orders(20)
        orders[4].offeringName = "Special GPU"
        var h = Harness(Fixture.state(orders))
        h.press(.character("7"))
        #expect(h.state.visibleCount == 20)
        h.press(.character("/"))
        h.type("gp")
        #expect(h.state.visibleCount == 1)
        #expect(h.frame.grid.lines[h.height - 2].contains("/gp"))
        #expect(h.frame.cursor?.y == h.height - 2)
        h.press(.escape)
        #expect(h.state.filterText == "")
        #expect(h.state.visibleCount == 20)
        // Enter keeps the new filter.
        h.press(.character("/"))
        h.type("special")
        h.press(.enter)
        #expect(h.state.filterText == "special")
        #expect(!h.controller.ui.filterEditing)
        #expect(h.state.visibleCount == 1)
        // Esc after a kept filter restores the kept one, not the empty one.
        h.press(.character("/"))
        h.type("x")
        h.press(.escape)
        #expect(h.state.filterText == "special")
    }

    @Test func remappedAndUnboundKeys() {
        let (map, _) = KeyMap.withOverrides(["approve": "A", "quit": "none", "down": "n"])
        var h = Harness(Self.pending(), keyMap: map)
        h.press(.character("a"))
        #expect(h.state.confirmation == nil)
        h.press(.character("A"))
        #expect(h.state.confirmation != nil)
        h.press(.escape)
        h.press(.character("q"))
        #expect(!h.other.contains(.quit))
        let before = h.state.selectedIndex
        h.press(.character("n"))
        #expect(h.state.selectedIndex == (before ?? 0) + 1)
        // The hint line shows the remapped key.
        #expect(h.frame.grid.lines[h.height - 1].contains("A approve"))
        #expect(!h.frame.grid.lines[h.height - 1].contains("quit"))
    }

    @Test func helpOverlayShowsTheCurrentMap() {
        let (map, _) = KeyMap.withOverrides(["approve": "A", "delete": "none"])
        var h = Harness(Self.pending(), keyMap: map)
        h.height = 60
        h.press(.character("?"))
        let text = h.frame.grid.text
        #expect(text.contains("Keys"))
        guard let approve = h.frame.grid.lines.first(where: { $0.contains("approve (consumer or provider)") }),
              let delete = h.frame.grid.lines.first(where: { $0.contains("delete") && $0.contains("(unbound)") }) else {
            Issue.record("help lines missing")
            return
        }
        #expect(approve.contains("A "))
        #expect(!delete.isEmpty)
        h.press(.escape)
        #expect(h.controller.ui.overlay == nil)
    }

    @Test func queuesSortMarksAndDetailFocus() {
        var h = Harness(Fixture.state(Fixture.orders(30)))
        h.press(.character("2"))
        #expect(h.state.selectedQueueIndex == 1)
        h.press(.character("s"))
        #expect(h.state.sort.key == .state)
        h.press(.character("S"))
        #expect(h.state.sort.key == .state && h.state.sort.ascending == false)
        h.press(.character(" "))
        #expect(h.state.marked.count == 1)
        h.press(.character("u"))
        #expect(h.state.marked.isEmpty)
        h.press(.tab)
        #expect(h.controller.ui.focus == .detail)
        h.press(.character("j"))
        #expect(h.controller.ui.detailScroll <= 1)
        h.press(.tab)
        #expect(h.controller.ui.focus == .list)
        h.press(.enter)
        #expect(h.controller.ui.detailFullScreen)
        h.press(.escape)
        #expect(!h.controller.ui.detailFullScreen)
    }

    @Test func copyUUIDAndMouseToggle() {
        var h = Harness(Self.pending())
        h.press(.character("y"))
        #expect(h.other.contains(.copyToClipboard(h.state.selectedUUID?.hex ?? "")))
        h.press(.character("M"))
        #expect(h.other.contains(.setMouse(false)))
        #expect(h.frame.grid.lines[h.height - 1].contains("mouse off"))
        // With capture off, clicks are ignored.
        let before = h.state.selectedIndex
        h.feed(.mouse(MouseEvent(kind: .click, x: 10, y: 5)))
        #expect(h.state.selectedIndex == before)
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var state = Fixture.state(Fixture.orders(50))
        _ = reduce(&state, .selectQueue(6))
        var h = Harness(state)
        let layout = ScreenLayout(width: h.width, height: h.height, detailFullScreen: false)
        h.feed(.mouse(MouseEvent(kind: .click, x: 10, y: layout.firstListRow + 3)))
        #expect(h.state.selectedIndex == 3)
        h.feed(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: layout.firstListRow)))
        #expect(h.state.selectedIndex == 6)
        // A click on a tab selects that queue.
        let tabs = TabsView.positions(state: h.state, width: h.width, charset: .unicode)
        if let erred = tabs.first(where: { $0.label.contains("Erred") }) {
            h.feed(.mouse(MouseEvent(kind: .click, x: erred.x + 1, y: layout.tabsRow)))
            #expect(h.state.selectedQueueIndex == erred.index)
        }
    }

    @Test func offeringViewSummarisesAndFilters() {
        var orders = Fixture.orders(10)
        for i in 0..<4 { orders[i].offeringName = "Shared"; orders[i].offeringType = "Marketplace.Basic" }
        var state = Fixture.state(orders)
        _ = reduce(&state, .selectQueue(6))
        var h = Harness(state)
        guard let selected = h.state.selectedRow else { return }
        h.press(.character("o"))
        guard case let .offering(summary)? = h.controller.ui.overlay else {
            Issue.record("no offering view")
            return
        }
        #expect(summary.name == selected.offering)
        #expect(h.frame.grid.text.contains("Offering"))
        h.press(.enter)
        #expect(h.controller.ui.overlay == nil)
        #expect(h.state.filterText.contains(selected.offering))
        #expect(h.state.visibleCount == summary.total)
    }

    @Test func tooSmallStillQuits() {
        var h = Harness(Self.pending())
        h.width = 30
        h.height = 8
        h.press(.character("a"))
        #expect(h.state.confirmation == nil)
        h.press(.character("q"))
        #expect(h.other.contains(.quit))
    }
}

@Suite struct DialogSpaceTests {
    @Test func shortTerminalsKeepSummaryInputAndButtons() {
        // Many marked orders of which some are skipped, on the smallest supported screen.
        var orders = (1...12).map { Fixture.order($0, state: .executing, offeringType: "Marketplace.Slurm") }
        orders += (13...20).map { Fixture.order($0, state: .executing, offeringType: "Marketplace.Basic") }
        var state = Fixture.state(orders)
        Fixture.apply(&state, .selectQueue(6), .markAllVisible, .requestAction(.setStateErred))
        guard let confirmation = state.confirmation else {
            Issue.record("no confirmation")
            return
        }
        var controller = TerminalController()
        controller.sync(state: state, width: 60, height: 14)
        let frame = Fixture.renderer().render(state: state, ui: controller.ui, width: 60, height: 14)
        let text = frame.grid.text
        #expect(text.contains("[ No ]") && text.contains("[ Yes ]"))
        #expect(text.contains(String(confirmation.summary.prefix(20))))
        #expect(text.contains("error message"))
        #expect(frame.cursor != nil)
        // A skipped order is shown whole or not at all: no reason cut after its first line.
        let lines = frame.grid.lines
        for (i, line) in lines.enumerated() where line.contains("only remote or SLURM") && !line.contains("Basic") {
            #expect(i + 1 < lines.count && lines[i + 1].contains("Basic"))
        }
    }
}

import Foundation
import OrderStore
import Testing
@testable import TerminalUI
import WaldurClient

/// The one input model (issue 10): every key has one owner, text is never a command, and keys typed ahead into a
/// dialog that opens or closes never reach what comes after it.
@Suite struct InputModelTests {
    typealias Harness = ControllerTests.Harness

    /// A provider looking at pending-provider orders of a SLURM offering (reject takes a comment, set erred two texts).
    static func provider(_ count: Int = 3, state orderState: OrderState = .pendingProvider) -> AppState {
        let orders = (1...count).map { Fixture.order($0, state: orderState, offeringType: "Marketplace.Slurm") }
        var state = Fixture.state(orders, configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        _ = reduce(&state, .selectQueue(6))
        return state
    }

    @Test("every printable key typed into a dialog's text field is text: y, n, q, space, digits, d, r")
    func textFieldTakesEveryPrintableKey() {
        var h = Harness(Self.provider())
        h.press(.character("r"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .dialogField(0))
        let sentence = "Sorry, cannot approve yet; no quota: 2 nodes, d r q y n *"
        h.type(sentence)
        #expect(h.state.confirmation?.text == sentence)
        #expect(h.state.pendingActions.isEmpty && h.state.marked.isEmpty)
        #expect(h.other.isEmpty, "no quit, no copy: \(h.other)")
    }

    @Test("Enter in the last field goes to [Yes]; the rest of a sentence goes back into the text, never confirms or cancels")
    func lettersOnButtonsGoBackIntoTheText() {
        var h = Harness(Self.provider())
        h.press(.character("r"))
        h.type("Budget")
        h.press(.enter)
        #expect(h.controller.ui.dialogFocus == .yes)
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .dialogButtons(hasFields: true))
        h.type("Sorry, cannot approve yet")
        #expect(h.state.confirmation?.text == "BudgetSorry, cannot approve yet")
        #expect(h.controller.ui.dialogFocus == .input)
        h.press(.tab)
        #expect(h.controller.ui.dialogFocus == .no)
        h.type(" and no more")
        #expect(h.state.confirmation?.text == "BudgetSorry, cannot approve yet and no more")
        #expect(h.state.pendingActions.isEmpty)
        #expect(h.state.marked.isEmpty)
    }

    @Test("a dialog with text fields is confirmed by Enter on [Yes] or the chord, and cancelled by Esc only")
    func confirmAndCancelOfATextDialog() {
        var h = Harness(Self.provider())
        h.press(.character("r"))
        h.type("over budget")
        h.press(TerminalController.confirmChord)
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.count == 1)
        // Esc cancels, and the text is kept for the next dialog of that action.
        h.press(.character("j"), .character("r"))
        h.type("second thoughts")
        h.press(.escape)
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.count == 1)
        h.press(.character("r"))
        #expect(h.state.confirmation?.text == "second thoughts")
    }

    @Test("a dialog without text fields keeps y and n; Enter picks the focused button, No by default")
    func yesNoDialog() {
        var h = Harness(Self.provider())
        h.press(.character("a"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .dialogButtons(hasFields: false))
        h.press(.character("n"))
        #expect(h.state.confirmation == nil && h.state.pendingActions.isEmpty)
        h.press(.character("a"), .character("y"))
        #expect(h.state.pendingActions.count == 1)
    }

    @Test("each mode owns its keys: help, message log, filter prompt, detail, list")
    func modes() {
        var h = Harness(Self.provider())
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .list)
        h.press(.character("?"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .help)
        // In help, action keys do nothing.
        h.press(.character("a"), .character("r"))
        #expect(h.state.confirmation == nil)
        h.press(.escape, .character("m"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .messages)
        h.press(.character("a"))
        #expect(h.state.confirmation == nil)
        h.press(.character("m"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .list)
        h.press(.character("/"))
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .filterPrompt)
        h.type("a r q y")
        #expect(h.state.filterText.hasSuffix("a r q y"))
        #expect(h.state.confirmation == nil && h.other.isEmpty)
        h.press(.escape, .enter)
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .detail)
        h.width = 10
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .tooSmall)
    }

    /// Feeds one read of keys through `handleRead`, as the run loop does.
    static func read(_ h: inout Harness, _ keys: [Key], at now: ContinuousClock.Instant) {
        var state = h.state
        _ = h.controller.handleRead(keys.map { .key($0) }, at: now, width: h.width, height: h.height, state: { state }) { command in
            if case let .send(action) = command { _ = reduce(&state, action) }
            return true
        }
        h.state = state
    }

    @Test("keys typed ahead while a dialog closes are discarded, never replayed into the list, and the status line says so")
    func typeAheadAfterCloseIsDiscarded() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("a")], at: t0)
        #expect(h.state.confirmation != nil)
        // "y" confirms; " d r" typed in the same burst would have marked, set done and opened reject.
        Self.read(&h, [.character("y"), .character(" "), .character("d"), .character("r")], at: t0 + .seconds(1))
        #expect(h.state.pendingActions.count == 1)
        #expect(h.state.marked.isEmpty)
        #expect(h.state.confirmation == nil)
        #expect(h.controller.ui.notice?.text.contains("discarded 3 keys") == true)
        // The next read is the user's again.
        Self.read(&h, [.character("j")], at: t0 + .seconds(2))
        #expect(h.state.selectedIndex == 1)
    }

    @Test("keys typed in the same burst as the key that opens a yes/no dialog do not confirm it")
    func typeAheadIntoAnOpeningDialogIsDiscarded() {
        var h = Harness(Self.provider())
        // "say" typed into the list by someone who thought they were in a text field: s sorts, a opens approve, y must not confirm.
        Self.read(&h, [.character("s"), .character("a"), .character("y")], at: .now)
        #expect(h.state.pendingActions.isEmpty)
        #expect(h.state.confirmation != nil, "the dialog stays open for a deliberate answer")
    }

    @Test("a text dialog that opens takes the keys typed right after it: nothing typed into a text field is lost")
    func typingIntoAnOpeningTextDialogIsKept() {
        var h = Harness(Self.provider())
        Self.read(&h, [.character("r"), .character("o"), .character("k")], at: .now)
        #expect(h.state.confirmation?.text == "ok")
    }

    @Test("Esc in the list clears the status line and never brings back an older message")
    func escNeverResurrects() {
        var state = Self.provider()
        let c = ActionCall(.approveByProvider, Fixture.uuid(1))
        _ = reduce(&state, .requestAction(.approve))
        let effects = reduce(&state, .confirmAction)
        guard case let .runActions(batch, _, _)? = effects.first else {
            Issue.record("no run")
            return
        }
        var done = Fixture.order(1, state: .executing, offeringType: "Marketplace.Slurm")
        done.modified = Fixture.now.addingTimeInterval(10)
        _ = reduce(&state, .actionCompleted(batch: batch, call: c, outcome: .updated(done), httpStatus: 200))
        var h = Harness(state)
        #expect(h.frame.grid.lines[h.height - 2].contains("approve: 1 order done"))
        h.press(.escape)
        #expect(h.state.statusLine == nil)
        h.press(.escape, .escape)
        #expect(h.state.statusLine == nil)
        let status = h.frame.grid.lines[h.height - 2]
        #expect(!status.contains("running") && !status.contains("done"), "\(status)")
        // The message log still has all of it, in full.
        h.press(.character("m"))
        let text = h.frame.grid.text
        #expect(text.contains("approve 1 order as provider → executing: running"))
        #expect(text.contains("order \(Fixture.uuid(1).hex): approve (approve_by_provider) → HTTP"))
        #expect(text.contains("200: approve done; now executing"))
    }

    @Test("the dialog names marked orders outside the view under their own heading, with the count per side and the cost")
    func dialogShowsHiddenMarksAndTheStake() {
        var orders = (1...3).map { Fixture.order($0, state: .pendingProvider, offering: "Basic VM", offeringType: "Marketplace.Slurm") }
        orders.append(Fixture.order(4, state: .pendingProvider, offering: "HPC", offeringType: "Marketplace.Slurm"))
        var state = Fixture.state(orders, configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        Fixture.apply(&state, .selectQueue(6), .markAllVisible, .setFilterText("offering:hpc"))
        var h = Harness(state)
        #expect(h.frame.grid.lines[h.height - 2].contains("4 marked, 3 not in view"))
        h.press(.character("a"))
        let text = h.frame.grid.text
        #expect(text.contains("Marked but not in this view (3):"), "\(text)")
        #expect(text.contains("4 as provider; cost 50.00"), "\(text)")
    }

    @Test("the help names the message log's key")
    func helpListsTheMessageLog() {
        let lines = HelpOverlayView.lines(context: ScreenContext(serverHost: "h", user: nil), width: 100).map { $0.segments.map(\.text).joined() }
        #expect(lines.contains { $0.hasPrefix("m ") && $0.contains("message log") })
    }

    /// Types `text` one key a read, `gap` apart, from `start`; answers when the last key was read.
    static func typeSlowly(_ h: inout Harness, _ text: String, from start: ContinuousClock.Instant,
                           gap: Duration = .milliseconds(120)) -> ContinuousClock.Instant {
        var t = start
        for ch in text {
            t += gap
            read(&h, [.character(ch)], at: t)
        }
        return t
    }

    @Test("a sentence typed on after Enter closes the filter prompt is discarded, key by key, until the typing pauses")
    func sentenceAfterTheFilterPromptClosesIsDiscarded() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("/")], at: t0)
        var t = Self.typeSlowly(&h, "state:pending-provider", from: t0)
        #expect(h.state.filterText == "state:pending-provider")
        #expect(h.state.visibleCount == 3)
        t += .milliseconds(150)
        Self.read(&h, [.enter], at: t)
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .list)
        // Each key in a read of its own, as a human types: space would mark, r open reject, q quit, y confirm.
        t = Self.typeSlowly(&h, " run the daily report and reply yes q", from: t)
        #expect(h.state.marked.isEmpty)
        #expect(h.state.confirmation == nil)
        #expect(h.state.pendingActions.isEmpty)
        #expect(h.other.isEmpty, "no quit: \(h.other)")
        #expect(h.state.filterText == "state:pending-provider", "the kept filter is untouched")
        #expect(h.controller.ui.notice?.text.contains("discarded 37 keys") == true, "\(String(describing: h.controller.ui.notice))")
        // After a pause the keys are commands again.
        Self.read(&h, [.character("j")], at: t + .milliseconds(450))
        #expect(h.state.selectedIndex == 1)
        Self.read(&h, [.character("j")], at: t + .milliseconds(500))
        #expect(h.state.selectedIndex == 2, "the guard is off until a text closes again")
    }

    @Test("Esc in the filter prompt also ends its keys: typed on at once, they are discarded; after a pause they are commands")
    func escInTheFilterPromptGuardsTooAndAPauseEndsIt() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("/")], at: t0)
        var t = Self.typeSlowly(&h, "state:x", from: t0)
        Self.read(&h, [.escape], at: t + .milliseconds(100))
        t += .milliseconds(100)
        // Keys 300 ms apart are still one burst: each resets the pause.
        for _ in 0..<4 {
            t += .milliseconds(300)
            Self.read(&h, [.character("r")], at: t)
        }
        #expect(h.state.confirmation == nil)
        #expect(h.controller.ui.notice?.text.contains("discarded 4 keys") == true)
        Self.read(&h, [.character("r")], at: t + .milliseconds(400))
        #expect(h.state.confirmation?.action == .reject, "a deliberate key after the pause is taken")
    }

    @Test("a filter kept with Enter and a pause before the next key: nothing is discarded")
    func aPauseAfterEnterLosesNothing() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("/")], at: t0)
        let t = Self.typeSlowly(&h, "state:pending", from: t0)
        Self.read(&h, [.enter], at: t + .milliseconds(100))
        Self.read(&h, [.character("j")], at: t + .milliseconds(700))
        #expect(h.state.selectedIndex == 1)
        #expect(h.controller.ui.notice == nil)
    }

    @Test("Ctrl-Y from a dialog's text field sends once; a sentence typed on never reaches the list or a next dialog")
    func sentenceAfterAConfirmFromATextFieldIsDiscarded() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("r")], at: t0)
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .dialogField(0))
        var t = Self.typeSlowly(&h, "no quota", from: t0)
        t += .milliseconds(100)
        Self.read(&h, [TerminalController.confirmChord], at: t)
        #expect(h.state.pendingActions.count == 1)
        t = Self.typeSlowly(&h, " left; a y", from: t)
        #expect(h.state.pendingActions.count == 1, "nothing else was sent")
        #expect(h.state.confirmation == nil, "a did not open approve")
        #expect(h.state.marked.isEmpty)
    }

    @Test("Enter in a dialog's last text field moves to [Yes]; a key typed on goes back into the text, nothing is discarded")
    func enterInTheLastFieldDoesNotArmTheGuard() {
        var h = Harness(Self.provider())
        let t0 = ContinuousClock.now
        Self.read(&h, [.character("r")], at: t0)
        var t = Self.typeSlowly(&h, "no", from: t0)
        t += .milliseconds(100)
        Self.read(&h, [.enter], at: t)
        #expect(h.controller.mode(state: h.state, width: h.width, height: h.height) == .dialogButtons(hasFields: true))
        _ = Self.typeSlowly(&h, " quota", from: t)
        #expect(h.state.confirmation?.text == "no quota")
        #expect(h.controller.ui.notice == nil)
    }
}

import Foundation
import OrderStore
import Testing
@testable import TerminalUI
import WaldurClient

@Suite struct RenderTests {
    static func render(_ state: AppState, ui: UIState = UIState(), width: Int, height: Int,
                       charset: Charset = .unicode) -> Frame {
        var controller = TerminalController(charset: charset)
        controller.ui = ui
        controller.sync(state: state, width: width, height: height)
        return Fixture.renderer(charset: charset).render(state: state, ui: controller.ui, width: width, height: height)
    }

    @Test func layoutAt80x24() {
        let state = Fixture.state(Fixture.orders(40))
        let frame = Self.render(state, width: 80, height: 24)
        let lines = frame.grid.lines
        #expect(frame.grid.width == 80 && frame.grid.height == 24)
        #expect(lines[0].contains("waldur.example.org"))
        #expect(lines[0].contains("alice"))
        #expect(lines[1].contains("1 Needs me"))
        #expect(lines[1].contains("7 All 40"))
        #expect(lines[2].contains("State") && lines[2].contains("Offering") && lines[2].contains("Cost"))
        // The detail pane sits below the list at this size.
        #expect(ScreenLayout(width: 80, height: 24, detailFullScreen: false).placement == .below)
        #expect(lines.contains { $0.contains("Detail") })
        // Status and hint lines.
        #expect(lines[23].contains("quit"))
        #expect(lines[23].contains("approve"))
    }

    @Test func layoutAt200x60PutsDetailBeside() {
        var state = Fixture.state(Fixture.orders(100))
        Fixture.apply(&state, .selectQueue(6))
        let frame = Self.render(state, width: 200, height: 60)
        let layout = ScreenLayout(width: 200, height: 60, detailFullScreen: false)
        #expect(layout.placement == .beside)
        guard let detail = layout.detail, let list = layout.list else {
            Issue.record("no panes")
            return
        }
        // A vertical rule separates the panes on every body row, and the detail title is in the right pane.
        for y in detail.y..<(detail.y + detail.height) {
            #expect(frame.grid[detail.x - 1, y].text == "│")
        }
        #expect(frame.grid.find("Detail")?.x == detail.x + 1)
        // The list shows as many orders as it has rows.
        let rowsWithState = (list.y + 1..<(list.y + list.height)).filter { y in
            ["pending-", "executing", "done", "erred"].contains { frame.grid.rowText(y).prefix(list.width).contains($0) }
        }
        #expect(rowsWithState.count == layout.listRows)
        // The selected order's uuid appears in the detail pane.
        if let selected = state.selectedRow {
            #expect(frame.grid.find(selected.uuid.hex) != nil)
        }
    }

    @Test func narrowShortTerminalHidesTheDetailUntilAsked() {
        let state = Fixture.state(Fixture.orders(30))
        let layout = ScreenLayout(width: 64, height: 18, detailFullScreen: false)
        #expect(layout.placement == .hidden)
        let frame = Self.render(state, width: 64, height: 18)
        #expect(!frame.grid.text.contains("Detail"))
        #expect(frame.grid.lines[2].contains("State"))
        var ui = UIState()
        ui.detailFullScreen = true
        ui.focus = .detail
        let full = Self.render(state, ui: ui, width: 64, height: 18)
        #expect(full.grid.lines[2].contains("Detail"))
        #expect(!full.grid.lines[2].contains("Offering"))
    }

    @Test func everyStateShowsAGlyphAndItsWord() {
        let states: [OrderState] = OrderState.known + [.unknown("quarantined")]
        let orders = states.enumerated().map { Fixture.order($0.offset + 1, state: $0.element) }
        var state = Fixture.state(orders)
        Fixture.apply(&state, .selectQueue(6))
        let frame = Self.render(state, width: 120, height: 30)
        for s in states {
            let label = StateStyle.label(s, charset: .unicode)
            guard let at = frame.grid.find(label) else {
                Issue.record("\(s.wire) not shown")
                continue
            }
            #expect(frame.grid[at.x, at.y].role == StateStyle.role(s) || frame.grid[at.x, at.y].overlay != nil)
            #expect(frame.grid[at.x + 2, at.y].role == StateStyle.role(s))
        }
    }

    @Test func selectedMarkedAndChangedRowsAreVisible() {
        var state = Fixture.state(Fixture.orders(10))
        Fixture.apply(&state, .selectQueue(6), .selectRow(0), .toggleMark, .selectRow(2))
        let frame = Self.render(state, width: 100, height: 30)
        let first = ScreenLayout(width: 100, height: 30, detailFullScreen: false).firstListRow
        #expect(frame.grid[5, first + 2].overlay == .selection)
        #expect(frame.grid[5, first].overlay == .marked)
        #expect(frame.grid[0, first].text == "●")
        #expect(frame.grid[5, first + 1].overlay == nil)
        #expect(frame.grid.lines[22 + 6].contains("1 marked"))
        // A changed order (merged by a refresh) gets the changed flag and overlay.
        var changed = state
        var order = Fixture.order(4, state: .done, offering: "Offering 4", project: "Project 4")
        order.modified = Fixture.now
        Fixture.apply(&changed, .orderRetrieved(order))
        let row = changed.visibleRows(0..<10).firstIndex { $0.uuid == Fixture.uuid(4) }
        if let row, changed.visibleRow(at: row)?.isChanged == true {
            let frame2 = Self.render(changed, width: 100, height: 30)
            #expect(frame2.grid[1, first + row].text == "•")
            #expect(frame2.grid[20, first + row].overlay == .changed)
        }
    }

    @Test func scrollingKeepsTheSelectionOnScreen() {
        var state = Fixture.state(Fixture.orders(200))
        Fixture.apply(&state, .selectQueue(6))
        var controller = TerminalController()
        let width = 80, height = 24
        for _ in 0..<57 {
            for command in controller.handle(.key(.character("j")), state: state, width: width, height: height) {
                if case let .send(action) = command { Fixture.apply(&state, action) }
            }
        }
        #expect(state.selectedIndex == 57)
        controller.sync(state: state, width: width, height: height)
        let frame = Fixture.renderer().render(state: state, ui: controller.ui, width: width, height: height)
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: false)
        let selectedRows = (layout.firstListRow..<(layout.firstListRow + layout.listRows)).filter { frame.grid[10, $0].overlay == .selection }
        #expect(selectedRows == [layout.firstListRow + layout.listRows - 1])
        // Paging up then moves the window only as far as needed.
        for command in controller.handle(.key(.pageUp), state: state, width: width, height: height) {
            if case let .send(action) = command { Fixture.apply(&state, action) }
        }
        controller.sync(state: state, width: width, height: height)
        #expect(controller.ui.listTop == state.selectedIndex)
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let orders = [
            Fixture.order(1, offering: "漢字のオファリング名前", project: "プロジェクト"),
            Fixture.order(2, offering: "🚀 Rocket VM 🚀🚀🚀🚀", project: "e\u{0301}te\u{0301}"),
            Fixture.order(3, offering: "Plain", project: "Plain"),
        ]
        var state = Fixture.state(orders)
        Fixture.apply(&state, .selectQueue(6))
        let frame = Self.render(state, width: 100, height: 30)
        let first = ScreenLayout(width: 100, height: 30, detailFullScreen: false).firstListRow
        let columns = ListColumns(width: 100)
        guard let project = columns.columns.first(where: { $0.kind == .project }),
              let cost = columns.columns.first(where: { $0.kind == .cost }) else { return }
        for y in first..<(first + 3) {
            // Each row's cost ends in the same column, whatever the names before it.
            #expect(frame.grid[cost.x + cost.width - 1, y].text == "0")
            // The cell just before the project column is a separator space, never half of a wide character.
            #expect(!frame.grid[project.x, y].isContinuation)
            #expect(frame.grid[project.x - 1, y].text == " " || frame.grid[project.x - 1, y].text == "…")
        }
        #expect(frame.grid.text.contains("…"))
    }

    @Test func hostileNamesAreDrawnAsPlaceholders() {
        let orders = [Fixture.order(1, offering: "VM\u{1B}[2J\u{1B}]0;pwn\u{07}", project: "\u{202E}tcejorp", customer: "C1\u{9B}31m")]
        var state = Fixture.state(orders)
        Fixture.apply(&state, .selectQueue(6))
        for (w, h) in [(80, 24), (200, 60)] {
            let frame = Self.render(state, width: w, height: h)
            #expect(!containsUnsafeScalar(frame.grid.allText))
            #expect(frame.grid.cells.contains { $0.role == .placeholder })
        }
    }

    @Test func tooSmallShowsAMessage() {
        let state = Fixture.state(Fixture.orders(5))
        for (w, h) in [(40, 10), (59, 24), (80, 13)] {
            let frame = Self.render(state, width: w, height: h)
            #expect(frame.grid.text.contains("Terminal too small"), "\(w)x\(h)")
            #expect(frame.grid.text.contains("\(w)×\(h)"))
        }
        let ok = Self.render(state, width: 60, height: 14)
        #expect(!ok.grid.text.contains("Terminal too small"))
        // Even a 10×3 terminal shows the start of the message without crashing.
        #expect(Self.render(state, width: 10, height: 3).grid.text.contains("Terminal"))
    }

    @Test func headerShowsReadOnlyLoadingAndStaleness() {
        var state = AppState(configuration: StoreConfiguration(readOnly: true), now: Fixture.now)
        _ = reduce(&state, .start(now: Fixture.now))
        let effects = reduce(&state, .persistedSortLoaded(nil))
        guard case let .load(request)? = effects.first(where: { if case .load = $0 { return true } else { return false } }) else {
            Issue.record("no load")
            return
        }
        _ = reduce(&state, .pageLoaded(id: request.id, orders: Fixture.orders(50), totalCount: 10_000))
        let frame = Self.render(state, width: 120, height: 30)
        #expect(frame.grid.lines[0].contains("READ-ONLY"))
        #expect(frame.grid.lines[0].contains("loading 50 of 10,000"))
        // Write actions are left out of the hints in read-only mode.
        #expect(!frame.grid.lines[29].contains("approve"))
    }

    @Test func asciiModeDrawsOnlyAscii() {
        var state = Fixture.state([Fixture.order(100, offering: "Ćlient VM 漢字")] + Fixture.orders(5))
        Fixture.apply(&state, .selectQueue(6))
        let frame = Self.render(state, width: 100, height: 30, charset: .ascii)
        #expect(frame.grid.allText.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(frame.grid.text.contains("Client VM"))
        #expect(frame.grid.text.contains("----"))
    }

    @Test func detailShowsPlanChangeAndHistoryInTheirRoles() {
        var order = Fixture.order(1, state: .pendingProvider, type: .update)
        order.consumerReviewedByUsername = "bob"
        order.consumerReviewedAt = Fixture.now.addingTimeInterval(-600)
        var state = Fixture.state([order])
        Fixture.apply(&state, .selectQueue(6), .selectRow(0), .orderRetrieved(order))
        guard let vm = state.detail else {
            Issue.record("no detail")
            return
        }
        var ui = UIState()
        ui.detailFullScreen = true
        ui.focus = .detail
        let frame = Self.render(state, ui: ui, width: 100, height: 60)
        if vm.section(.planChange) != nil {
            #expect(frame.grid.cells.contains { $0.role == .planChange })
        }
        if vm.section(.history) != nil {
            #expect(frame.grid.cells.contains { $0.role == .history })
        }
        #expect(frame.grid.text.contains(Fixture.uuid(1).hex))
    }
}

@Suite struct FrameDiffTests {
    @Test func movingTheSelectionSendsOnlyWhatChanged() {
        var state = Fixture.state(Fixture.orders(300))
        Fixture.apply(&state, .selectQueue(6), .selectRow(3))
        // Narrow and short: no detail pane, so only the list and the status line change.
        let (w, h) = (80, 20)
        var controller = TerminalController()
        controller.sync(state: state, width: w, height: h)
        let renderer = Fixture.renderer()
        let before = renderer.render(state: state, ui: controller.ui, width: w, height: h).grid
        Fixture.apply(&state, .moveSelection(1))
        controller.sync(state: state, width: w, height: h)
        let after = renderer.render(state: state, ui: controller.ui, width: w, height: h).grid
        let changed = FrameDiff.changedCells(from: before, to: after)
        let rows = Set(changed.map(\.y))
        let first = ScreenLayout(width: w, height: h, detailFullScreen: false).firstListRow
        #expect(rows.isSubset(of: [first + 3, first + 4, h - 2]))
        #expect(rows.contains(first + 3) && rows.contains(first + 4))
        #expect(changed.count < w * 3)
        // Nothing to send for an identical frame; everything for a first frame.
        #expect(FrameDiff.changedCells(from: after, to: after).isEmpty)
        #expect(FrameDiff.changedCells(from: nil, to: after).count == w * h)
    }

    @Test func wideCharacterChangesListTheirLeftHalf() {
        var a = CellGrid(width: 6, height: 1)
        a.put("ab漢", x: 0, y: 0, role: .normal)
        var b = a
        b.put("字", x: 2, y: 0, role: .normal)
        #expect(FrameDiff.changedCells(from: a, to: b).map(\.x) == [2])
        var c = a
        c.setRole(.error, y: 0, x: 3, length: 1)  // only the right half's style changed
        #expect(FrameDiff.changedCells(from: a, to: c).map(\.x) == [2])
    }
}

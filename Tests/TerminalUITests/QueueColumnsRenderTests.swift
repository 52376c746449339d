import Foundation
import OrderStore
import Testing
@testable import TerminalUI
import WaldurClient

/// The list at the widths the app supports, for every built-in queue (issue 12): per-queue columns, the Erred
/// queue's error column, states that stay distinct, no column cut to a stub, and the header's data age.
@Suite struct QueueColumnsRenderTests {
    static let widths = [60, 80, 120, 200]

    /// Orders in every known state; erred ones carry a message and a resource name.
    static func orders() -> [Order] {
        var out: [Order] = []
        for (k, state) in OrderState.known.enumerated() {
            for n in 0..<3 {
                let id = k * 10 + n + 1
                var o = Fixture.order(id, state: state, offering: "Offering \(id)", project: "Project \(id % 4)")
                o.resourceName = "vm-\(id)"
                if state == .erred { o.errorMessage = "Quota exceeded for cores \(id)\nTraceback follows" }
                out.append(o)
            }
        }
        return out
    }

    static func state() -> AppState {
        let all = orders()
        return Fixture.state(all, needsMe: all.filter { $0.state == .pendingConsumer })
    }

    /// The list rectangle's width at a terminal width (the detail sits beside it from 140 columns).
    static func listWidth(_ width: Int, height: Int = 30) -> Int {
        ScreenLayout(width: width, height: height, detailFullScreen: false).list?.width ?? width
    }

    @Test func everyBuiltInQueueAtEveryWidthKeepsReadableColumnsAndTheAge() {
        for width in Self.widths {
            for (q, queue) in Queue.builtIn.enumerated() {
                var state = Self.state()
                Fixture.apply(&state, .selectQueue(q))
                let frame = RenderTests.render(state, width: width, height: 30)
                let kinds = QueueColumns.defaults(queue.kind)
                let layout = ListColumns(width: Self.listWidth(width), kinds: kinds)
                // The most telling column is always there, and no column is narrower than its minimum.
                #expect(layout.columns.first?.kind == .state, "\(queue.name) at \(width)")
                for column in layout.columns {
                    #expect(column.width >= column.kind.minimumWidth, "\(queue.name) at \(width): \(column.kind) is \(column.width) wide")
                }
                #expect(layout.columns.count >= 4, "\(queue.name) at \(width): \(layout.columns.map(\.kind))")
                // The header keeps the data's age.
                #expect(frame.grid.lines[0].contains("0s ago"), "\(queue.name) at \(width): \(frame.grid.lines[0])")
                // The tab bar keeps names.
                #expect(frame.grid.lines[1].contains("Need"), "\(width): \(frame.grid.lines[1])")
                #expect(!frame.grid.lines[1].contains("1:"), "\(width): \(frame.grid.lines[1])")
                // The columns' titles are on the column header row.
                let titles = frame.grid.lines[2]
                for column in layout.columns {
                    #expect(titles.contains(String(column.kind.title.prefix(min(column.width, column.kind.title.count) - 1))),
                            "\(queue.name) at \(width): \(titles)")
                }
            }
        }
    }

    @Test func theErredQueueShowsTheErrorAndResourceAtEveryWidth() {
        for width in Self.widths {
            var state = Self.state()
            Fixture.apply(&state, .selectQueue(3))
            let frame = RenderTests.render(state, width: width, height: 30)
            let layout = ListColumns(width: Self.listWidth(width), kinds: QueueColumns.defaults(.erred))
            #expect(layout.columns.contains { $0.kind == .error }, "at \(width)")
            #expect(layout.columns.contains { $0.kind == .resource }, "at \(width)")
            #expect(frame.grid.lines[2].contains("Error"), "at \(width): \(frame.grid.lines[2])")
            #expect(frame.grid.text.contains("Quota exceed"), "at \(width)")
            #expect(frame.grid.text.contains("vm-"), "at \(width)")
            // Only the first line of a multi-line message is in the list.
            let first = ScreenLayout(width: width, height: 30, detailFullScreen: false).firstListRow
            #expect(!frame.grid.lines[first].contains("Traceback follows"))
            if let error = layout.columns.first(where: { $0.kind == .error }) {
                #expect(frame.grid[error.x, first].role == .error)
            }
        }
        // Only the Erred queue has the Error column by default.
        for queue in Queue.builtIn where queue.kind != .erred {
            #expect(!QueueColumns.defaults(queue.kind).contains(.error))
        }
    }

    @Test func statesStayDistinctAtEveryWidthAlsoInAscii() {
        for charset in [Charset.unicode, .ascii] {
            for width in Self.widths {
                var state = Self.state()
                Fixture.apply(&state, .selectQueue(6))
                let frame = RenderTests.render(state, width: width, height: 60, charset: charset)
                let layout = ListColumns(width: Self.listWidth(width, height: 60), kinds: QueueColumns.defaults(.all))
                guard let column = layout.columns.first(where: { $0.kind == .state }) else {
                    Issue.record("no state column at \(width)")
                    continue
                }
                let first = ScreenLayout(width: width, height: 60, detailFullScreen: false).firstListRow
                var textByState: [String: String] = [:]
                for (i, row) in state.visibleRows(0..<state.visibleCount).enumerated() {
                    let y = first + i
                    let cell = (column.x..<(column.x + column.width)).map { frame.grid[$0, y].text }.joined()
                        .trimmingCharacters(in: .whitespaces)
                    #expect(!cell.contains("…") && !cell.hasSuffix("..."), "\(charset) at \(width): \(cell)")
                    textByState[row.state.wire] = cell
                }
                #expect(textByState.count == OrderState.known.count)
                #expect(Set(textByState.values).count == textByState.count, "\(charset) at \(width): \(textByState)")
            }
        }
        #expect(StateStyle.label(.pendingProvider, charset: .ascii, width: 11) == "p pend-prov")
        #expect(StateStyle.label(.pendingProject, charset: .unicode, width: 11) == "◕ pend·proj")
        #expect(StateStyle.label(.pendingProject, charset: .unicode, width: 20) == "◕ pending-project")
    }

    @Test func aQueueFromTheConfigFileGetsItsColumns() {
        let (columns, problems) = QueueColumns.parse(["On call": ["state", "resource", "error_message", "Backend ID", "nonsense", "age"]])
        #expect(columns.byName["On call"] == [.state, .resource, .error, .backendID, .age])
        #expect(problems.count == 1 && problems[0].contains("nonsense"))
        var state = Fixture.state(Self.orders(), configuration: StoreConfiguration(isStaff: true, refreshInterval: 10,
                                                                                     userQueues: [("On call", "state:erred")]))
        Fixture.apply(&state, .selectQueue(7))
        let renderer = ScreenRenderer(context: ScreenContext(serverHost: "h", user: "u", queueColumns: columns))
        var controller = TerminalController()
        controller.sync(state: state, width: 80, height: 24)
        let frame = renderer.render(state: state, ui: controller.ui, width: 80, height: 24)
        let header = frame.grid.lines[2]
        #expect(header.contains("Resource") && header.contains("Error") && header.contains("Age"), "\(header)")
        #expect(!header.contains("Offering") && !header.contains("Type"), "\(header)")
        // A built-in queue keeps its default.
        #expect(columns.columns(for: Queue.builtIn[6]) == QueueColumns.defaults(.all))
    }

    @Test func theHeaderKeepsTheAgeWhenPausedAndStale() {
        for width in Self.widths {
            var paused = Self.state()
            Fixture.apply(&paused, .setRefreshPaused(true), .tick(now: Fixture.now.addingTimeInterval(125)))
            let frame = RenderTests.render(paused, width: width, height: 30)
            #expect(frame.grid.lines[0].contains("paused") && frame.grid.lines[0].contains("2m ago"), "\(width): \(frame.grid.lines[0])")

            // A poll that fails makes the data stale.
            var stale = Self.state()
            let effects = reduce(&stale, .tick(now: Fixture.now.addingTimeInterval(400)))
            for case let .load(request) in effects {
                _ = reduce(&stale, .loadFailed(id: request.id, error: .http(status: 503, serverMessage: "down", retryAfter: nil)))
            }
            let staleFrame = RenderTests.render(stale, width: width, height: 30)
            #expect(staleFrame.grid.lines[0].contains("STALE"), "\(width): \(staleFrame.grid.lines[0])")
            #expect(staleFrame.grid.lines[0].contains("6m"), "\(width): \(staleFrame.grid.lines[0])")
        }
    }

    @Test func tabsAbbreviateNamesBeforeDroppingThem() {
        let queues = [("My HPC", "offering:hpc"), ("Slurm erred", "state:erred"), ("Waiting on provider", "state:pending-provider")]
        var state = Fixture.state(Self.orders(), configuration: StoreConfiguration(isStaff: true, refreshInterval: 10, userQueues: queues))
        for width in [60, 80] {
            Fixture.apply(&state, .selectQueue(9))
            let tabs = TabsView.positions(state: state, width: width, charset: .unicode)
            #expect(tabs.contains { $0.index == 9 }, "the selected tab is shown at \(width)")
            for tab in tabs {
                #expect(tab.label.contains { $0.isLetter }, "\(width): \(tab.label) has no name")
                #expect(tab.x + tab.width <= width)
            }
        }
        let wide = TabsView.positions(state: state, width: 200, charset: .unicode)
        #expect(wide.count == 10 && wide[9].label.contains("Waiting on provider"))
    }

    @Test("at 80 columns every queue tab keeps its count, short (1.1k) for the others, exact for the selected one")
    func tabsKeepShortCountsAt80Columns() {
        let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .erred, .done, .canceled]
        let orders = (1...3000).map { Fixture.order($0, state: states[$0 % states.count]) }
        var state = Fixture.state(orders, configuration: StoreConfiguration(isStaff: true, refreshInterval: 10))
        Fixture.apply(&state, .selectQueue(1))
        let tabs = TabsView.positions(state: state, width: 80, charset: .unicode)
        #expect(tabs.count == state.queues.count, "\(tabs.map(\.label))")
        for tab in tabs {
            #expect(tab.label.last?.isNumber == true || tab.label.hasSuffix("k"), "\(tab.label) has a count")
            #expect(tab.x + tab.width <= 80)
        }
        #expect(tabs.first { $0.index == 1 }?.label.hasSuffix(TabsView.grouped(state.queueCounts[1])) == true, "the selected tab's count is exact")
        #expect(tabs.last?.label.hasSuffix(" 3k") == true, "All: \(tabs.last?.label ?? "")")
    }

    @Test func shortCountsNeverOverstate() {
        let cases: [(Int, String)] = [(0, "0"), (999, "999"), (1000, "1k"), (1115, "1.1k"), (1999, "1.9k"), (12_345, "12k"),
                                      (999_999, "999k"), (1_000_000, "1M"), (1_250_000, "1.2M"), (12_600_000, "12M")]
        for (n, text) in cases { #expect(TabsView.short(n) == text, "\(n)") }
    }

    @Test func emptyQueuesSaySoInWords() {
        var state = Fixture.state([Fixture.order(1, state: .done)])
        let needsMe = RenderTests.render(state, width: 80, height: 24)
        #expect(needsMe.grid.text.contains("nothing needs you now"))
        Fixture.apply(&state, .selectQueue(3))
        #expect(RenderTests.render(state, width: 80, height: 24).grid.text.contains("no orders in this queue"))
    }

    @Test func theHelpNamesCustomQueuesAndHasALegend() {
        var state = Fixture.state(Self.orders(), configuration: StoreConfiguration(isStaff: true, refreshInterval: 10,
                                                                                     userQueues: [("My HPC", "offering:hpc")]))
        Fixture.apply(&state, .selectQueue(6))
        let context = ScreenContext(serverHost: "h", user: nil, queueNames: state.queues.map(\.name))
        let text = HelpOverlayView.lines(context: context, width: 80)
            .map { $0.segments.map(\.text).joined() }
        #expect(text.contains { $0.contains("queue “My HPC”") })
        #expect(text.contains { $0.contains("queue “Erred”") })
        #expect(!text.contains { $0.contains("queue 8") })
        for glyph in ["•", "●", "◔", "◑", "◕", "◷", "⟳", "‖", "STALE"] {
            #expect(text.contains { $0.hasPrefix(glyph) }, "the legend explains \(glyph)")
        }
    }
}

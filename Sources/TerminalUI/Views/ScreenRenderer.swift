import OrderStore

/// A drawn frame: the cells and where the cursor goes (nil: hidden).
public struct Frame: Sendable {
    public var grid: CellGrid
    public var cursor: (x: Int, y: Int)?

    public init(grid: CellGrid, cursor: (x: Int, y: Int)?) {
        self.grid = grid
        self.cursor = cursor
    }
}

/// Draws the whole screen from the store's state and the UI state into a cell grid. Pure: the
/// same inputs give the same frame, which is what the tests check.
public struct ScreenRenderer: Sendable {
    public var context: ScreenContext

    public init(context: ScreenContext) {
        self.context = context
    }

    public func render(state: AppState, ui: UIState, width: Int, height: Int) -> Frame {
        var grid = CellGrid(width: width, height: height, charset: context.charset)
        let layout = ScreenLayout(width: width, height: height, detailFullScreen: ui.detailFullScreen)
        if layout.isTooSmall {
            TooSmallView.draw(&grid)
            return Frame(grid: grid, cursor: nil)
        }
        HeaderView.draw(&grid, row: layout.headerRow, state: state, context: context)
        TabsView.draw(&grid, row: layout.tabsRow, state: state, ui: ui)
        if let list = layout.list {
            OrderListView.draw(&grid, rect: list, state: state, ui: ui, columns: context.queueColumns.columns(for: state.selectedQueue))
        }
        if let detail = layout.detail {
            switch layout.placement {
            case .beside:
                grid.verticalLine(x: detail.x - 1, y: detail.y, length: detail.height, role: .border)
            case .below:
                grid.horizontalLine(x: 0, y: detail.y - 1, length: width, role: .border)
            default:
                break
            }
            DetailPaneView.draw(&grid, rect: detail, state: state, ui: ui)
        }
        var cursor = StatusLineView.draw(&grid, row: layout.statusRow, state: state, ui: ui)
        HintLineView.draw(&grid, row: layout.hintRow, state: state, ui: ui, context: context)
        switch ui.overlay {
        case .help:
            HelpOverlayView.draw(&grid, bounds: layout.body, context: context, readOnly: state.configuration.readOnly, scroll: ui.overlayScroll)
        case .messages:
            MessageLogView.draw(&grid, bounds: layout.body, state: state, scroll: ui.overlayScroll)
        case let .offering(summary):
            OfferingView.draw(&grid, bounds: layout.body, summary: summary, queueName: state.selectedQueue.name)
        case nil:
            break
        }
        if let confirmation = state.confirmation {
            cursor = ConfirmDialogView.draw(&grid, confirmation: confirmation, state: state, ui: ui, bounds: layout.body)
        }
        return Frame(grid: grid, cursor: cursor)
    }
}

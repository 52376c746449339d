/// Where each part of the screen goes for a terminal size and UI state.
public struct ScreenLayout: Equatable, Sendable {
    /// Below this the app shows "terminal too small".
    public static let minimumWidth = 60
    public static let minimumHeight = 14
    /// From this width the detail pane sits beside the list.
    public static let besideWidth = 140
    /// From this height (when narrower than `besideWidth`) the detail pane sits below the list.
    public static let belowHeight = 22

    public enum DetailPlacement: Equatable, Sendable {
        case hidden
        case beside
        case below
        case fullScreen
    }

    public let width: Int
    public let height: Int
    public var isTooSmall: Bool { width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight }
    public var headerRow: Int { 0 }
    public var tabsRow: Int { 1 }
    public var statusRow: Int { height - 2 }
    public var hintRow: Int { height - 1 }
    /// Everything between the tabs and the status line.
    public var body: Rect { Rect(x: 0, y: 2, width: width, height: height - 4) }
    /// The list including its column header row (nil when the detail is full screen).
    public private(set) var list: Rect?
    /// The detail pane, without the separator.
    public private(set) var detail: Rect?
    public private(set) var placement: DetailPlacement

    public init(width: Int, height: Int, detailFullScreen: Bool) {
        self.width = width
        self.height = height
        let body = Rect(x: 0, y: 2, width: width, height: height - 4)
        if detailFullScreen {
            placement = .fullScreen
            list = nil
            detail = body
        } else if width >= ScreenLayout.besideWidth {
            placement = .beside
            let detailWidth = max(50, width * 42 / 100)
            let listWidth = width - detailWidth - 1
            list = Rect(x: 0, y: body.y, width: listWidth, height: body.height)
            detail = Rect(x: listWidth + 1, y: body.y, width: detailWidth, height: body.height)
        } else if height >= ScreenLayout.belowHeight {
            placement = .below
            let detailHeight = body.height * 45 / 100
            let listHeight = body.height - detailHeight - 1
            list = Rect(x: 0, y: body.y, width: width, height: listHeight)
            detail = Rect(x: 0, y: body.y + listHeight + 1, width: width, height: detailHeight)
        } else {
            placement = .hidden
            list = body
            detail = nil
        }
    }

    /// Rows of orders the list shows (its height minus the column header).
    public var listRows: Int { max(0, (list?.height ?? 0) - 1) }
    /// The screen row of the first order.
    public var firstListRow: Int { (list?.y ?? 0) + 1 }
}

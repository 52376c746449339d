import Foundation
import OrderStore

/// What the screen remembers that is not about orders: focus, scrolling, open overlays,
/// the filter being typed, the dialog's focused button. Decisions about orders stay in the store.
public struct UIState: Sendable, Equatable {
    /// Which pane takes the movement keys.
    public enum Focus: Sendable, Equatable {
        case list
        case detail
    }

    /// A window over the list.
    public enum Overlay: Sendable, Equatable {
        case help
        /// The message log (newest first).
        case messages
        case offering(OfferingSummary)
    }

    /// Where keyboard focus is inside the confirmation dialog.
    public enum DialogFocus: Sendable, Equatable {
        /// The text field at this index.
        case field(Int)
        case no
        case yes

        /// The first text field.
        public static let input = DialogFocus.field(0)
    }

    public var focus: Focus = .list
    /// The detail takes the whole body (Enter).
    public var detailFullScreen = false
    /// First visible list row.
    public var listTop = 0
    /// First visible detail line.
    public var detailScroll = 0
    /// The `?` or offering window, if open.
    public var overlay: Overlay?
    /// First visible line of the overlay.
    public var overlayScroll = 0
    /// Typing a filter: the text the filter had before (Esc restores it).
    public var filterEditing = false
    public var filterBefore = ""
    /// Focus in the confirmation dialog; reset to the input (if any) or No whenever a dialog opens.
    public var dialogFocus: DialogFocus = .no
    /// The confirmation the focus belongs to (a new one resets the focus to No).
    public var dialogIdentity: String?
    /// The text field typed into last (printable keys typed on a button go back there).
    public var dialogLastField = 0
    /// Mouse capture on.
    public var mouseEnabled = true
    /// A message of the UI itself (copy result, theme and key-map problems), with its level.
    public var notice: (text: String, isError: Bool)?

    public init() {}

    public static func == (a: UIState, b: UIState) -> Bool {
        a.focus == b.focus && a.detailFullScreen == b.detailFullScreen && a.listTop == b.listTop
            && a.detailScroll == b.detailScroll && a.overlay == b.overlay && a.overlayScroll == b.overlayScroll
            && a.filterEditing == b.filterEditing && a.filterBefore == b.filterBefore && a.dialogFocus == b.dialogFocus
            && a.dialogIdentity == b.dialogIdentity && a.dialogLastField == b.dialogLastField && a.mouseEnabled == b.mouseEnabled
            && a.notice?.text == b.notice?.text && a.notice?.isError == b.notice?.isError
    }

    /// Moves `listTop` so that row `selected` is on screen within `rows` lines (the list scrolls
    /// only as far as needed), and keeps it inside the list.
    public mutating func keepVisible(selected: Int?, count: Int, rows: Int) {
        guard rows > 0 else { listTop = 0; return }
        if let selected {
            if selected < listTop { listTop = selected }
            if selected >= listTop + rows { listTop = selected - rows + 1 }
        }
        listTop = max(0, min(listTop, max(0, count - rows)))
    }
}

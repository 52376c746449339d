import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code that talks to ncurses; confined to the main actor. Draws frames by sending only
/// the cells that changed since the previous frame, reads keys without blocking, and restores the
/// terminal on exit, on fatal signals and around Ctrl-Z.
@MainActor
public final class ScreenDriver {
    /// Unicode when a UTF-8 locale is in effect, else ASCII.
    public private(set) var charset: Charset = .unicode
    /// Colours the terminal offers (0 when none).
    public private(set) var colors: Int = 0
    public private(set) var isRunning = false
    /// Whether mouse reporting is on.
    public private(set) var mouseEnabled = false
    /// Wakes `waitForInput` from any thread.
    public let waiter = InputWaiter()

    private var previous: CellGrid?
    private var theme: Theme = .mono
    private var depth: ColorDepth = .none
    private var styleCache: [StyleKey: (attrs: attr_t, pair: Int32)] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var cursorVisible = false
    private var screen: OpaquePointer?

    private struct StyleKey: Hashable {
        var role: ThemeRole
        var overlay: ThemeRole?
    }

    private struct PairKey: Hashable {
        var fg: Int
        var bg: Int
    }

    public init() {}

    /// Starts curses mode: locale first (falling back to C.UTF-8), then the terminal in cbreak,
    /// no echo, keypad, no newline translation, a 25 ms Esc delay, colours with the terminal's own
    /// default, and handlers that restore the terminal on signals. Fails when stdin/stdout is not a terminal ncurses knows.
    public func start() throws(TerminalError) {
        guard !isRunning else { return }
        charset = LocaleSetup.configure()
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError(message: "standard input and output must be a terminal") }
        cn_save_tty()
        // newterm, unlike initscr, returns instead of exiting when TERM is unknown.
        guard let s = cn_newterm() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(message: "cannot use the terminal type \(term)")
        }
        screen = s
        _ = set_term(s)
        cn_prepare_emergency_restore()
        cn_set_active(1)
        isRunning = true
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(cn_stdscr(), true)
        _ = nodelay(cn_stdscr(), true)
        _ = intrflush(cn_stdscr(), false)
        _ = set_escdelay(25)
        _ = curs_set(0)
        cursorVisible = false
        if has_colors() {
            _ = start_color()
            if use_default_colors() != CN_OK {
                _ = assume_default_colors(7, 0)
            }
            colors = Int(cn_colors())
        } else {
            colors = 0
        }
        cn_install_signal_handlers(waiter.wakeWrite)
        // An orderly quit after a signal gets 10 s (the demo sandbox's graceful stop takes up to 5 s).
        cn_start_quit_watchdog(10)
        previous = nil
    }

    /// Leaves curses mode and puts the terminal back as it was.
    public func stop() {
        guard isRunning else { return }
        if mouseEnabled { _ = cn_mouse(0) }
        _ = curs_set(1)
        clearWhenNoAlternateScreen()
        cn_set_active(0)
        _ = endwin()
        cn_remove_signal_handlers()
        if let screen { delscreen(screen) }
        screen = nil
        isRunning = false
        previous = nil
    }

    /// The theme used for drawing (and the colour depth it is resolved for).
    public func setTheme(_ theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = colors == 0 ? .none : depth
        styleCache.removeAll()
        pairs.removeAll()
        nextPair = 1
        previous = nil
    }

    /// Turns mouse reporting on or off (off lets the terminal select text).
    public func setMouse(_ on: Bool) {
        guard isRunning else { mouseEnabled = on; return }
        _ = cn_mouse(on ? 1 : 0)
        mouseEnabled = on
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        guard isRunning else { return (0, 0) }
        var rows: Int32 = 0
        var cols: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &rows, &cols)
        return (Int(cols), Int(rows))
    }

    /// Sends the frame: only cells that differ from the previous frame are written, then ncurses
    /// emits the (further diffed) changes. `cursor` shows the cursor there (text input), else it is hidden.
    public func present(_ grid: CellGrid, cursor: (x: Int, y: Int)? = nil) {
        guard isRunning else { return }
        var scratch: [wchar_t] = []
        scratch.reserveCapacity(8)
        for (x, y) in FrameDiff.changedCells(from: previous, to: grid) {
            draw(grid.cells[y * grid.width + x], x: x, y: y, scratch: &scratch)
        }
        if let cursor, grid.contains(x: cursor.x, y: cursor.y) {
            if !cursorVisible { _ = curs_set(1); cursorVisible = true }
            _ = wmove(cn_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            _ = curs_set(0)
            cursorVisible = false
        }
        _ = wnoutrefresh(cn_stdscr())
        _ = doupdate()
        previous = grid
    }

    /// Forgets what is on screen so the next frame is drawn whole (after a resume or a garbled screen).
    public func invalidate() {
        previous = nil
        if isRunning { _ = clearok(cn_curscr(), true) }
    }

    /// Waits without blocking the main actor until a key arrives, `waiter.wake()` is called, or the timeout.
    public func waitForInput(milliseconds: Int32) async -> InputWaiter.Outcome {
        await waiter.wait(milliseconds: milliseconds)
    }

    /// The signal (SIGINT or SIGTERM) that asked the app to quit, once per signal; a second signal before
    /// this is served ends the process at once, the terminal restored.
    public func takeQuitRequest() -> Int32? {
        let signal = cn_take_quit_request()
        return signal == 0 ? nil : signal
    }

    /// Serves a pending Ctrl-Z: leaves curses mode, stops, and on resume forces a full redraw. Returns whether it did.
    public func handleSuspendRequest() -> Bool {
        guard isRunning, cn_take_suspend_request() != 0 else { return false }
        let mouse = mouseEnabled
        if mouse { _ = cn_mouse(0) }
        cn_suspend()
        if mouse { _ = cn_mouse(1) }
        invalidate()
        return true
    }

    /// Reads every pending key without waiting.
    public func readEvents() -> [InputEvent] {
        guard isRunning else { return [] }
        var events: [InputEvent] = []
        var ch: wint_t = 0
        while events.count < 512 {
            let rc = cn_get_wch(&ch)
            if rc == CN_ERR { break }
            if rc == CN_KEY_CODE_YES {
                let code = Int32(ch)
                if code == CN_KEY_RESIZE {
                    invalidate()
                    events.append(.resize)
                } else if code == CN_KEY_MOUSE {
                    if let m = readMouse() { events.append(.mouse(m)) }
                } else if let key = ScreenDriver.key(forCode: code) {
                    events.append(.key(key))
                }
            } else if let key = ScreenDriver.key(forCharacter: UInt32(ch)) {
                events.append(.key(key))
            }
        }
        return events
    }

    /// Writes bytes straight to the terminal (used for the OSC 52 clipboard sequence only).
    public func writeRaw(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        cn_flush_stdout()
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    private func readMouse() -> MouseEvent? {
        var y: Int32 = 0
        var x: Int32 = 0
        var state: mmask_t = 0
        guard cn_getmouse(&y, &x, &state) == CN_OK else { return nil }
        if state & CN_BUTTON4_PRESSED != 0 { return MouseEvent(kind: .wheelUp, x: Int(x), y: Int(y)) }
        if state & CN_BUTTON5_PRESSED != 0 { return MouseEvent(kind: .wheelDown, x: Int(x), y: Int(y)) }
        if state & CN_BUTTON1_DOUBLE_CLICKED != 0 { return MouseEvent(kind: .doubleClick, x: Int(x), y: Int(y)) }
        if state & (CN_BUTTON1_CLICKED | CN_BUTTON1_PRESSED) != 0 { return MouseEvent(kind: .click, x: Int(x), y: Int(y)) }
        return nil
    }

    private func draw(_ cell: Cell, x: Int, y: Int, scratch: inout [wchar_t]) {
        scratch.removeAll(keepingCapacity: true)
        for scalar in cell.text.unicodeScalars.prefix(5) { scratch.append(wchar_t(bitPattern: scalar.value)) }
        if scratch.isEmpty { scratch.append(32) }
        scratch.append(0)
        let style = resolvedStyle(cell)
        let rc = scratch.withUnsafeBufferPointer { buffer in
            cn_put_cell(Int32(y), Int32(x), buffer.baseAddress, style.attrs, style.pair)
        }
        if rc == CN_ERR, cell.text.unicodeScalars.count > 1 {
            // ncurses refused the cluster (its zero-width part): draw the base character alone.
            let base: [wchar_t] = [wchar_t(bitPattern: cell.text.unicodeScalars.first?.value ?? 32), 0]
            _ = base.withUnsafeBufferPointer { cn_put_cell(Int32(y), Int32(x), $0.baseAddress, style.attrs, style.pair) }
        }
    }

    private func resolvedStyle(_ cell: Cell) -> (attrs: attr_t, pair: Int32) {
        let key = StyleKey(role: cell.role, overlay: cell.overlay)
        if let cached = styleCache[key] { return cached }
        let style = theme.resolve(cell.role, overlay: cell.overlay, depth: depth)
        var attrs: attr_t = CN_A_NORMAL
        if style.attributes.contains(.bold) { attrs |= CN_A_BOLD }
        if style.attributes.contains(.dim) { attrs |= CN_A_DIM }
        if style.attributes.contains(.underline) { attrs |= CN_A_UNDERLINE }
        if style.attributes.contains(.reverse) { attrs |= CN_A_REVERSE }
        if style.attributes.contains(.italic) { attrs |= CN_A_ITALIC }
        if style.attributes.contains(.standout) { attrs |= CN_A_STANDOUT }
        let pair = colors == 0 ? 0 : pairNumber(fg: style.foreground, bg: style.background)
        styleCache[key] = (attrs, pair)
        return (attrs, pair)
    }

    private func pairNumber(fg: Int, bg: Int) -> Int32 {
        let fg = fg < colors ? fg : -1
        let bg = bg < colors ? bg : -1
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        let limit = min(Int32(cn_color_pairs()), 32767)
        guard nextPair < limit else { return 0 }
        let p = nextPair
        nextPair += 1
        _ = init_pair(Int16(p), Int16(fg), Int16(bg))
        pairs[key] = p
        return p
    }

    /// The key for an ncurses key code.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case CN_KEY_UP: return .up
        case CN_KEY_DOWN: return .down
        case CN_KEY_LEFT: return .left
        case CN_KEY_RIGHT: return .right
        case CN_KEY_HOME: return .home
        case CN_KEY_END: return .end
        case CN_KEY_NPAGE: return .pageDown
        case CN_KEY_PPAGE: return .pageUp
        case CN_KEY_BACKSPACE: return .backspace
        case CN_KEY_DC: return .delete
        case CN_KEY_IC: return .insert
        case CN_KEY_ENTER: return .enter
        case CN_KEY_BTAB: return .backTab
        default:
            if code > CN_KEY_F0, code <= CN_KEY_F0 + 24 { return .function(Int(code - CN_KEY_F0)) }
            return nil
        }
    }

    /// The key for a character ncurses returned.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// Why the terminal could not be used.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

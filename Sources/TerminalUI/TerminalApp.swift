import Foundation
import OrderStore

/// Runs the terminal UI on the main actor until the user quits or the terminal goes away, then
/// restores the terminal. The store's effects run in their own tasks, so keys are read and
/// answered while requests are in flight. Returns the process exit status: 0 after `q`, 128 + the signal
/// after SIGINT, SIGTERM or a hang-up (as shells report it), 1 when the terminal could not be used (the reason
/// is written to standard error).
@MainActor
public func runTerminalApp(store: Store, options: TerminalOptions) async -> Int32 {
    let driver = ScreenDriver()
    do {
        try driver.start()
    } catch {
        FileHandle.standardError.write(Data("waldur-orders: \(error.message)\n".utf8))
        return 1
    }
    let loader = options.themeLoader ?? ThemeLoader.standard(environment: options.environment)
    let choice = ThemeChoice.choose(requested: options.theme, explicit: options.themeFromFlag, loader: loader, environment: options.environment, colors: driver.colors)
    driver.setTheme(choice.theme, depth: choice.depth)
    let (keyMap, keyProblems) = KeyMap.withOverrides(options.keyBindings)
    let charset: Charset = options.asciiOnly ? .ascii : driver.charset
    var controller = TerminalController(keyMap: keyMap, mouseEnabled: options.mouse, charset: charset)
    // Earlier filters are remembered beside the sort, in the state directory (none configured: not remembered).
    let historyFile = store.state.configuration.stateDirectory.map { FilterHistoryFile(directory: $0) }
    controller.filterHistory = FilterHistory(entries: historyFile?.read() ?? [])
    let (queueColumns, columnProblems) = QueueColumns.parse(options.queueColumns)
    let startupNotes = choice.messages + keyProblems + columnProblems
    if !startupNotes.isEmpty {
        controller.ui.notice = (startupNotes.joined(separator: "; "), choice.messages.contains { $0.contains("using the default") })
    }
    driver.setMouse(options.mouse)
    let renderer = ScreenRenderer(context: ScreenContext(
        serverHost: options.serverHost, user: options.user, keyMap: keyMap, charset: charset,
        queueColumns: queueColumns, queueNames: store.state.queues.map(\.name)))

    let loop = RunLoopSignal(waiter: driver.waiter)
    let previousOnChange = store.onChange
    store.onChange = { state in
        previousOnChange?(state)
        loop.changed()
    }
    store.start(tickEvery: options.tickInterval)

    var running = true
    var dirty = true
    var status: Int32 = 0
    while running {
        if dirty || loop.takeChanged() {
            let size = driver.size
            controller.sync(state: store.state, width: size.width, height: size.height)
            let frame = renderer.render(state: store.state, ui: controller.ui, width: size.width, height: size.height)
            driver.present(frame.grid, cursor: frame.cursor)
            dirty = false
        }
        let outcome = await driver.waitForInput(milliseconds: 1000)
        if outcome == .hangup {
            status = 128 + SIGHUP
            break
        }
        if let signal = driver.takeQuitRequest() {
            status = 128 + signal
            break
        }
        if driver.handleSuspendRequest() { dirty = true }
        let events = driver.readEvents()
        if !events.isEmpty { dirty = true }
        let size = driver.size
        var notice: (text: String, isError: Bool)?
        running = controller.handleRead(events, width: size.width, height: size.height, state: { store.state }) { command in
            switch command {
            case let .send(action):
                store.send(action)
            case let .copyToClipboard(text):
                driver.writeRaw(Clipboard.osc52(text))
            case let .setMouse(on):
                driver.setMouse(on)
            case .quit:
                return false
            case let .openInPager(text):
                if let note = runPager(driver: driver, text: text, environment: options.environment) { notice = note }
                // Ctrl-C typed in the pager was the pager's; a SIGTERM or hang-up meanwhile still ends the app.
                if let signal = driver.takeQuitRequest(), signal != SIGINT {
                    status = 128 + signal
                    return false
                }
            case let .saveFilterHistory(filters):
                do { try historyFile?.write(filters) } catch {
                    notice = ("filter history not saved: \(error.localizedDescription)", true)
                }
            }
            return true
        }
        if let notice { controller.ui.notice = notice }
    }
    store.stop()
    store.onChange = previousOnChange
    driver.stop()
    return status
}

/// Runs the pager on `text`; answers a notice when it could not be started or failed.
@MainActor
func runPager(driver: ScreenDriver, text: String, environment: [String: String]) -> (text: String, isError: Bool)? {
    let command = ScreenDriver.pagerCommand(environment: environment)
    let pagerEnvironment = ScreenDriver.pagerEnvironment(environment, utf8: driver.charset == .unicode)
    guard let exit = driver.runPager(text, command: command, environment: pagerEnvironment) else { return ("could not start the pager “\(command)”", true) }
    if exit == 127 { return ("pager “\(command)” not found (set PAGER)", true) }
    if exit != 0 && exit != 128 + SIGINT && exit != 128 + SIGPIPE { return ("pager “\(command)” exited with status \(exit)", true) }
    return nil
}

/// Tells the run loop the store changed, from the store's callbacks, and wakes its wait.
@MainActor
final class RunLoopSignal {
    private var pending = false
    private let waiter: InputWaiter

    init(waiter: InputWaiter) {
        self.waiter = waiter
    }

    func changed() {
        if !pending {
            pending = true
            waiter.wake()
        }
    }

    func takeChanged() -> Bool {
        defer { pending = false }
        return pending
    }
}

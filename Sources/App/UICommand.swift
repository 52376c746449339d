import ArgumentParser
import Foundation
import OrderStore
import TerminalUI
import WaldurConfig
#if canImport(Glibc)
import Glibc
#endif

/// The default command: the ncurses order-review screen.
struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the order-review screen (the default command)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Theme name (default, light, high-contrast, mono, or your own) or a path to a theme file.") var theme: String?
    @Flag(name: .customLong("read-only"), help: "Disable every action that changes an order.") var readOnly = false
    @Option(help: "Seconds between live refreshes (0 disables; default 10).") var refresh: Double?
    @Flag(name: .customLong("no-mouse"), help: "Start without mouse capture, so text can be selected.") var noMouse = false
    @Flag(help: "Draw ASCII only, even in a UTF-8 locale.") var ascii = false
    @Flag(name: .customLong("no-cache"), help: "Neither start from nor write the local snapshot of the list.") var noCache = false

    func validate() throws {
        if let refresh, refresh < 0 { throw ValidationError("--refresh must be 0 or more seconds") }
    }

    @MainActor
    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("the order-review screen needs a terminal; for scripts use `waldur-orders list`")
        }
        // Refused before any request: a terminal that cannot place the cursor cannot show the screen.
        if let reason = TerminalCapabilities.refusal(environment: ProcessInfo.processInfo.environment) {
            throw CommandFailure(reason)
        }
        let environment = ProcessInfo.processInfo.environment
        let home = FileManager.default.homeDirectoryForCurrentUser
        let appConfig: AppConfigFile
        do { appConfig = try AppConfigFile.load(from: AppConfigFile.defaultURL(environment: environment, homeDirectory: home)) } catch {
            throw CommandFailure(error.message)
        }
        let session = await (try await Session.open(connection)).identified()
        // The demo sandbox is new on every run: a snapshot of it would never be read again.
        let snapshot = noCache || !(appConfig.cache ?? true) || session.sandbox != nil ? nil
            : session.snapshotFile(environment: environment, homeDirectory: home)
        let queueColumns = QueueColumns.parse(appConfig.queueColumns).columns
        let storeConfig = StoreConfiguration(
            readOnly: readOnly || (appConfig.readOnly ?? false),
            isStaff: session.isStaff,
            username: session.username,
            refreshInterval: refresh ?? appConfig.refreshSeconds.map(Double.init) ?? 10,
            userQueues: appConfig.queues,
            stateDirectory: StatePaths.stateDirectory(environment: environment, homeDirectory: home),
            startsFromSnapshot: snapshot != nil,
            // Only what the queues' columns show is loaded; a filter or sort on another field loads it when applied.
            columnFields: queueColumns.listFields(userQueueNames: appConfig.queues.map(\.name)),
            // A full load asks each group of states for just the fields its queues' columns show.
            stateColumnFields: queueColumns.stateListFields(userQueueNames: appConfig.queues.map(\.name))
        )
        // Every action is recorded (and flushed) before its result is shown; the token is never written.
        let auditLog = FileAuditLog(directory: StatePaths.stateDirectory(environment: environment, homeDirectory: home),
                                    server: session.host, user: session.username,
                                    redacting: [session.client.configuration.token?.secret].compactMap { $0 })
        let store = Store(service: session.client, configuration: storeConfig, audit: auditLog, snapshot: snapshot)
        let options = TerminalOptions(
            theme: theme ?? appConfig.theme,
            themeFromFlag: theme != nil,
            keyBindings: appConfig.keys,
            mouse: !noMouse && (appConfig.mouse ?? true),
            serverHost: session.host,
            user: session.username,
            environment: environment,
            asciiOnly: ascii,
            queueColumns: appConfig.queueColumns
        )
        AppLogging.logger("waldur-orders").info("terminal UI started for \(session.host)")
        let status = await runTerminalApp(store: store, options: options)
        await store.saveSnapshot()
        await session.close()
        if status != 0 { throw ExitCode(status) }
    }
}

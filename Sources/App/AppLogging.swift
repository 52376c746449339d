import Foundation
import Logging
import WaldurConfig

/// Sets up swift-log once: lines go to `$XDG_STATE_HOME/waldur-orders/waldur-orders.log`.
enum AppLogging {
    static let bootstrap: Void = {
        let environment = ProcessInfo.processInfo.environment
        let dir = StatePaths.stateDirectory(environment: environment, homeDirectory: FileManager.default.homeDirectoryForCurrentUser)
        let sink = FileLogHandler.Sink(url: dir.appendingPathComponent("waldur-orders.log"))
        let level = environment["WALDUR_ORDERS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }
    }()

    static func logger(_ label: String) -> Logger {
        _ = bootstrap
        return Logger(label: label)
    }
}

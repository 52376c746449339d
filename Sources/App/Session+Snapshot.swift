import Foundation
import OrderStore
import WaldurConfig

extension Session {
    /// The local snapshot of this server and user in the cache directory (the API root and username name it; the
    /// token never enters it). Unusable files are reported in the log.
    func snapshotFile(environment: [String: String], homeDirectory: URL) -> SnapshotFile {
        let logger = AppLogging.logger("snapshot")
        return SnapshotFile(directory: StatePaths.cacheDirectory(environment: environment, homeDirectory: homeDirectory),
                            identity: SnapshotIdentity(server: client.configuration.apiRoot.absoluteString, user: username ?? ""),
                            log: { logger.warning("\($0)") })
    }
}

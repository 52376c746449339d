import Foundation

/// Where the app keeps state between runs (history, caches, logs).
public enum StatePaths {
    /// `$XDG_STATE_HOME/waldur-orders` when XDG_STATE_HOME is an absolute path, else `~/.local/state/waldur-orders`.
    public static func stateDirectory(environment: [String: String], homeDirectory: URL) -> URL {
        let base = ConfigPaths.xdgDirectory("XDG_STATE_HOME", environment: environment)
            ?? homeDirectory.appendingPathComponent(".local/state", isDirectory: true)
        return base.appendingPathComponent("waldur-orders", isDirectory: true)
    }

    /// `$XDG_CACHE_HOME/waldur-orders` when XDG_CACHE_HOME is an absolute path, else `~/.cache/waldur-orders` (the
    /// local snapshots of the order list).
    public static func cacheDirectory(environment: [String: String], homeDirectory: URL) -> URL {
        let base = ConfigPaths.xdgDirectory("XDG_CACHE_HOME", environment: environment)
            ?? homeDirectory.appendingPathComponent(".cache", isDirectory: true)
        return base.appendingPathComponent("waldur-orders", isDirectory: true)
    }
}

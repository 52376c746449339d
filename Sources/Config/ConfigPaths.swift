import Foundation

/// Where configuration files live, following the XDG base directory rules.
public enum ConfigPaths {
    /// `$XDG_CONFIG_HOME` when set to an absolute path, else `~/.config`.
    public static func configHome(environment: [String: String], homeDirectory: URL) -> URL {
        xdgDirectory("XDG_CONFIG_HOME", environment: environment) ?? homeDirectory.appendingPathComponent(".config", isDirectory: true)
    }

    /// waldur-cli's saved credentials: `<config home>/waldur-cli/credentials.toml`. On macOS, where waldur-cli
    /// itself saves under `~/Library/Application Support`, that file is used when the XDG one does not exist.
    public static func credentialsFile(environment: [String: String], homeDirectory: URL) -> URL {
        let xdg = configHome(environment: environment, homeDirectory: homeDirectory)
            .appendingPathComponent("waldur-cli", isDirectory: true)
            .appendingPathComponent("credentials.toml")
        #if os(macOS)
        if !FileManager.default.fileExists(atPath: xdg.path) {
            let native = homeDirectory.appendingPathComponent("Library/Application Support/waldur-cli/credentials.toml")
            if FileManager.default.fileExists(atPath: native.path) { return native }
        }
        #endif
        return xdg
    }

    /// The app's own settings: `<config home>/waldur-orders/config.toml`.
    public static func appConfigFile(environment: [String: String], homeDirectory: URL) -> URL {
        configHome(environment: environment, homeDirectory: homeDirectory)
            .appendingPathComponent("waldur-orders", isDirectory: true)
            .appendingPathComponent("config.toml")
    }

    /// The directory named by an XDG variable, when it is set to an absolute path (relative ones are ignored, as the spec says).
    static func xdgDirectory(_ name: String, environment: [String: String]) -> URL? {
        guard let value = environment[name], value.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: value, isDirectory: true)
    }

    /// A path as given on the command line: `~/` expanded against `homeDirectory`, relative paths against the working directory.
    static func expand(_ path: String, homeDirectory: URL) -> URL {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory.appendingPathComponent(String(path.dropFirst(2))) }
        return URL(fileURLWithPath: path)
    }
}

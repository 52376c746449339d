import Foundation
import TOMLKit
import WaldurClient

/// The app's own settings, `~/.config/waldur-orders/config.toml` (`$XDG_CONFIG_HOME` respected):
///
/// ```toml
/// theme = "dark"
/// refresh_seconds = 30
/// read_only = false
/// mouse = true
/// api_url = "https://waldur.example.com"   # below --api-url and WALDUR_API_URL
/// profile = "prod"                          # below --profile and WALDUR_PROFILE
/// cache = true                              # the local snapshot of the list (--no-cache turns it off for one run)
///
/// [[queues]]
/// name = "Erred"
/// filter = "state=erred"
/// columns = ["state", "resource", "error", "age"]   # optional; see the README for the names
///
/// [keys]
/// approve = "a"
/// reject = "none"
/// ```
public struct AppConfigFile: Sendable {
    /// `theme`
    public var theme: String?
    /// `refresh_seconds`: seconds between automatic refreshes (a positive integer).
    public var refreshSeconds: Int?
    /// `read_only`: hide and refuse every action that changes an order.
    public var readOnly: Bool?
    /// `mouse`
    public var mouse: Bool?
    /// `[[queues]]`: saved filters in file order, each with a `name` and a `filter`.
    public var queues: [(name: String, filter: String)]
    /// `columns` of `[[queues]]` entries: queue name → the list's column names in order (checked by the terminal UI).
    public var queueColumns: [String: [String]] = [:]
    /// `[keys]`: action → key, or `"none"` to unbind the action.
    public var keys: [String: String]
    /// `api_url`: the API URL to use when neither `--api-url` nor `WALDUR_API_URL` is given.
    public var apiURL: String?
    /// `profile`: the credentials profile to use when neither `--profile` nor `WALDUR_PROFILE` is given.
    public var profile: String?
    /// `cache`: keep a local snapshot of the list and start the screen from it (default true; `--no-cache` wins).
    public var cache: Bool?
    /// Keys the app does not know, as `file line N: unknown key …` sentences (typos are reported, not fatal).
    public var warnings: [String]

    /// The keys this file understands at its top level.
    public static let knownKeys: Set<String> = ["theme", "refresh_seconds", "read_only", "mouse", "queues", "keys", "api_url", "profile", "cache"]

    /// An empty configuration: every setting left to the app's defaults.
    public init() {
        queues = []
        keys = [:]
        warnings = []
    }

    /// `<config home>/waldur-orders/config.toml`.
    public static func defaultURL(environment: [String: String], homeDirectory: URL) -> URL {
        ConfigPaths.appConfigFile(environment: environment, homeDirectory: homeDirectory)
    }

    /// Reads the file; a missing file is an empty configuration, a malformed one an error naming file, line and reason.
    public static func load(from url: URL) throws(WaldurError) -> AppConfigFile {
        let text: String?
        do { text = try PrivateFile.readPlain(url, what: "the config file") } catch { throw PrintableText.clean(error) }
        guard let text else { return AppConfigFile() }
        return try parse(text, path: url.path)
    }

    /// Parses the text of a config file; `path` names it in messages.
    public static func parse(_ text: String, path: String) throws(WaldurError) -> AppConfigFile {
        do {
            var config = try parseUncleaned(text, path: path)
            config.warnings = config.warnings.map(PrintableText.clean)
            return config
        } catch {
            throw PrintableText.clean(error)
        }
    }

    static func parseUncleaned(_ text: String, path: String) throws(WaldurError) -> AppConfigFile {
        let document = try TOMLDocument(text: text, path: path, redactValues: false)
        var config = AppConfigFile()

        func value<T>(_ key: String, _ what: String, _ read: (TOMLValueConvertible) -> T?) throws(WaldurError) -> T? {
            guard let v = document.root[key] else { return nil }
            guard let out = read(v) else { throw document.problem("\(key) must be \(what), not \(TOMLDocument.kind(v))", key: key) }
            return out
        }
        config.theme = try value("theme", "a string") { $0.string }
        config.refreshSeconds = try value("refresh_seconds", "an integer number of seconds") { $0.int }
        if let seconds = config.refreshSeconds, seconds < 1 {
            throw document.problem("refresh_seconds must be at least 1, not \(seconds)", key: "refresh_seconds")
        }
        config.readOnly = try value("read_only", "true or false") { $0.bool }
        config.mouse = try value("mouse", "true or false") { $0.bool }
        config.apiURL = try value("api_url", "a string") { $0.string }
        config.profile = try value("profile", "a string") { $0.string }
        config.cache = try value("cache", "true or false") { $0.bool }

        if let queues = document.root["queues"] {
            guard let array = queues.array else {
                throw document.problem("queues must be written as [[queues]] tables with name and filter, not \(TOMLDocument.kind(queues))", key: "queues")
            }
            for (index, element) in array.enumerated() {
                let section = "queues#\(index)"
                guard let table = element.table else {
                    throw document.problem("queue \(index + 1) must be a table with name and filter, not \(TOMLDocument.kind(element))", key: "queues")
                }
                func field(_ key: String) throws(WaldurError) -> String {
                    guard let v = table[key] else {
                        throw WaldurError.configuration("\(path): queue \(index + 1) ([[queues]] number \(index + 1)) has no \(key)")
                    }
                    guard let s = v.string else {
                        throw document.problem("queue \(index + 1): \(key) must be a string, not \(TOMLDocument.kind(v))", key: key, section: section)
                    }
                    return s
                }
                let name = try field("name")
                if name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw document.problem("queue \(index + 1): name must not be empty", key: "name", section: section)
                }
                config.queues.append((name: name, filter: try field("filter")))
                if let columns = table["columns"] {
                    config.queueColumns[name] = try columnList(columns, queue: index + 1, document: document, section: section)
                }
                for key in table.keys.sorted() where key != "name" && key != "filter" && key != "columns" {
                    config.warnings.append(warning(document, "unknown key \(key) in queue \(index + 1) (known: name, filter, columns)", key: key, section: section))
                }
            }
        }

        if let keys = document.root["keys"] {
            guard let table = keys.table else {
                throw document.problem("keys must be a [keys] table of action = \"key\", not \(TOMLDocument.kind(keys))", key: "keys")
            }
            for (action, binding) in table {
                guard let key = binding.string else {
                    throw document.problem("keys.\(action) must be a string (a key, or \"none\"), not \(TOMLDocument.kind(binding))",
                                           key: action, section: "keys")
                }
                config.keys[action] = key
            }
        }

        for key in document.root.keys.sorted() where !knownKeys.contains(key) {
            config.warnings.append(warning(document, "unknown key \(key)", key: key))
        }
        return config
    }

    /// `columns = ["state", "offering", …]`: a non-empty array of strings.
    static func columnList(_ value: TOMLValueConvertible, queue: Int, document: TOMLDocument, section: String) throws(WaldurError) -> [String] {
        guard let array = value.array else {
            throw document.problem("queue \(queue): columns must be an array of column names such as [\"state\", \"offering\"], not \(TOMLDocument.kind(value))",
                                   key: "columns", section: section)
        }
        var names: [String] = []
        for element in array {
            guard let name = element.string else {
                throw document.problem("queue \(queue): every column must be a string, not \(TOMLDocument.kind(element))", key: "columns", section: section)
            }
            names.append(name)
        }
        if names.isEmpty { throw document.problem("queue \(queue): columns must name at least one column", key: "columns", section: section) }
        return names
    }

    static func warning(_ document: TOMLDocument, _ text: String, key: String, section: String = "") -> String {
        if let line = document.line(of: key, section: section) { return "\(document.path) line \(line): \(text)" }
        return "\(document.path): \(text)"
    }
}

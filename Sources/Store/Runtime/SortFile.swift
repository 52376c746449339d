import Foundation

/// The small state file that remembers the sort across restarts: `state.json` in the state directory (the app
/// passes `StatePaths.stateDirectory`, `$XDG_STATE_HOME/waldur-orders`). Unreadable or odd content reads as "nothing
/// remembered".
public struct SortFile: Sendable {
    public let url: URL

    public init(directory: URL) { url = directory.appendingPathComponent("state.json") }

    /// The remembered sort, or nil.
    public func read() -> OrderSort? {
        guard let data = try? Data(contentsOf: url), data.count < 65536,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sort = object["sort"] as? [String: Any], let keyText = sort["key"] as? String,
              let key = SortKey(rawValue: keyText), let ascending = sort["ascending"] as? Bool else { return nil }
        return OrderSort(key: key, ascending: ascending)
    }

    /// Writes the sort (atomically; creates the directory).
    public func write(_ sort: OrderSort) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = "{\"sort\": {\"key\": \"\(sort.key.rawValue)\", \"ascending\": \(sort.ascending)}}\n"
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

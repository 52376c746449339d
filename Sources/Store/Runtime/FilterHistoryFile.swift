import Foundation

/// The filter line's history across restarts: `filter-history.json` next to the sort file (`state.json`) in the
/// state folder, a JSON array of strings, oldest first. Unreadable or odd content reads as no history.
public struct FilterHistoryFile: Sendable {
    public let url: URL
    /// The most entries read or written.
    public static let capacity = 50

    public init(directory: URL) { url = directory.appendingPathComponent("filter-history.json") }

    /// The remembered filters, oldest first.
    public func read() -> [String] {
        guard let data = try? Data(contentsOf: url), data.count < 1 << 20,
              let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return [] }
        return Array(array.compactMap { $0 as? String }.filter { !$0.isEmpty && $0.utf8.count <= 4096 }.suffix(FilterHistoryFile.capacity))
    }

    /// Writes the filters (atomically; creates the directory).
    public func write(_ filters: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let data = try JSONSerialization.data(withJSONObject: Array(filters.suffix(FilterHistoryFile.capacity)), options: [])
        try (data + Data("\n".utf8)).write(to: url, options: .atomic)
    }
}

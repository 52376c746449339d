import Foundation

/// A throwaway home directory for one test; never the real home.
struct TempHome {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("waldur-config-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` at `relativePath` (directories created) with the given permission bits.
    @discardableResult
    func write(_ relativePath: String, _ text: String, mode: Int = 0o600) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file
    }

    /// Writes waldur-cli's credentials file under `~/.config`.
    @discardableResult
    func writeCredentials(_ text: String, mode: Int = 0o600) throws -> URL {
        try write(".config/waldur-cli/credentials.toml", text, mode: mode)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

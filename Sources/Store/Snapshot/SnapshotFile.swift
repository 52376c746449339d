import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot of one server and user on disk: `<directory>/orders-<hash of server and user>.snapshot`, mode 0600,
/// replaced atomically (a private temporary file, then `rename(2)`), so concurrent writers leave one complete file.
/// A file that cannot be used (corrupt, cut, another format version, another server or user) is ignored with one log
/// line; the next write replaces it.
public struct SnapshotFile: Sendable {
    /// Largest file written: over it the most recent rows that fit are kept (see `write`).
    public static let defaultMaxBytes = 512 * 1024 * 1024
    /// Most rows written: over it the most recently modified ones are kept.
    public static let defaultMaxRows = 2_000_000

    /// Whose snapshot this is.
    public let identity: SnapshotIdentity
    /// The file.
    public let url: URL
    let maxBytes: Int
    let maxRows: Int
    /// Where the one line about an unusable or skipped file goes (never holds a secret: the file holds none).
    let log: @Sendable (String) -> Void

    /// - Parameter directory: the cache directory (the app passes `StatePaths.cacheDirectory`).
    public init(directory: URL, identity: SnapshotIdentity, maxBytes: Int = SnapshotFile.defaultMaxBytes,
                maxRows: Int = SnapshotFile.defaultMaxRows, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.identity = identity
        self.maxBytes = maxBytes
        self.maxRows = maxRows
        self.log = log
        url = directory.appendingPathComponent("orders-\(SnapshotFile.nameHash(identity)).snapshot")
    }

    /// 16 hex digits of a stable 64-bit hash of server and user (the same in every process, unlike `Hasher`).
    static func nameHash(_ identity: SnapshotIdentity) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Array(identity.server.utf8) + [0] + Array(identity.user.utf8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The snapshot, or nil when there is none or it cannot be used (then one log line says why).
    public func read() -> OrderSnapshot? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let identity = self.identity
        let result = data.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try SnapshotCodec.decode(bytes, expecting: identity) } }
        switch result {
        case let .success(snapshot): return snapshot
        case let .failure(error):
            log("snapshot \(url.path) ignored (\(error.message)); it is rebuilt after the next full load")
            return nil
        }
    }

    /// Writes `snapshot` (for this file's identity) atomically with mode 0600. Over `maxRows` the most recently
    /// modified rows are written; a file still over `maxBytes` is not written (one log line). Answers the bytes written.
    @discardableResult
    public func write(_ snapshot: OrderSnapshot) throws -> Int {
        var snapshot = snapshot
        snapshot.header.server = identity.server
        snapshot.header.user = identity.user
        if snapshot.rows.count > maxRows {
            log("snapshot: \(snapshot.rows.count) orders are over the cap of \(maxRows); writing the \(maxRows) most recent")
            snapshot = snapshot.keepingMostRecent(maxRows)
        }
        let bytes = SnapshotCodec.encode(snapshot)
        guard bytes.count <= maxBytes else {
            log("snapshot not written: \(bytes.count) bytes are over the cap of \(maxBytes)")
            return 0
        }
        SnapshotFile.removeAbandonedTemporaries(of: url)
        try SnapshotFile.replaceAtomically(url, with: bytes)
        return bytes.count
    }

    /// Removes the file (when the cache is turned off nothing is left behind to go stale).
    public func remove() { try? FileManager.default.removeItem(at: url) }

    struct WriteFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Removes temporary files of `url` left by a writer that was killed mid-write (older than ten minutes, so
    /// another instance's write in progress is never touched).
    static func removeAbandonedTemporaries(of url: URL, olderThan age: TimeInterval = 600) {
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let path = directory.appendingPathComponent(name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > age else { continue }
            unlink(path)
        }
    }

    /// Writes a private temporary file beside `url` (O_EXCL, 0600), flushes it and renames it over `url`.
    static func replaceAtomically(_ url: URL, with bytes: [UInt8]) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteFailure(description: "cannot create \(temp.path): \(String(cString: strerror(errno)))") }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let n = SnapshotFile.systemWrite(fd, base + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temp.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp.path)
            throw WriteFailure(description: "cannot write \(url.path): \(failure)")
        }
    }

    static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
        #else
        Darwin.write(fd, bytes, count)
        #endif
    }
}

import Foundation
import WaldurClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit log file: one JSON line per action call, appended and flushed to disk (fsync) before `record` returns.
/// Creates its directory (mode 0700) and the file (mode 0600). Never writes the secrets it is given.
public final class FileAuditLog: AuditRecorder {
    /// The log's file name inside the state directory.
    public static let fileName = "audit.log"

    /// The file the log appends to.
    public let url: URL
    let server: String
    let user: String?
    let secrets: [String]
    let lock = NSLock()

    /// - Parameters:
    ///   - directory: the state directory (`$XDG_STATE_HOME/waldur-orders`); the file is `audit.log` inside it.
    ///   - server: the server's host, written into every entry.
    ///   - user: the username, written into every entry when known (else the entry's own user is kept).
    ///   - secrets: texts (the API token) replaced by `<redacted>` wherever they appear in an entry.
    public init(directory: URL, server: String, user: String?, redacting secrets: [String] = []) {
        self.url = directory.appendingPathComponent(FileAuditLog.fileName)
        self.server = server
        self.user = user
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    public func record(_ entry: AuditEntry) async throws {
        var entry = entry
        entry.server = server
        if let user { entry.user = user }
        let line = entry.jsonLine(redacting: secrets) + "\n"
        try lock.withLock { try append(Array(line.utf8)) }
    }

    /// Appends bytes with one open/write/fsync/close, so a rotated or removed file is simply recreated.
    func append(_ bytes: [UInt8]) throws {
        let directory = url.deletingLastPathComponent()
        try ensureDirectory(directory)
        let path = url.path
        var info = stat()
        let existed = stat(path, &info) == 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw failure("flush", path) }
        if !existed {
            // A new file's directory entry must reach the disk too.
            let dfd = open(directory.path, O_RDONLY | O_CLOEXEC)
            if dfd >= 0 {
                _ = fsync(dfd)
                close(dfd)
            }
        }
    }

    func ensureDirectory(_ directory: URL) throws {
        var info = stat()
        if stat(directory.path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw AuditLogError(operation: "use", path: directory.path, reason: "it is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            var reason = "it could not be created"
            if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                reason = String(cString: strerror(Int32(posix.code)))
            }
            throw AuditLogError(operation: "create the directory", path: directory.path, reason: reason)
        }
        _ = chmod(directory.path, 0o700)
    }

    func failure(_ operation: String, _ path: String) -> AuditLogError {
        AuditLogError(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that lines are appended to by any number of writers at once (threads, or processes sharing the state
/// folder): it is opened with `O_APPEND` and every line goes out in a single `write(2)`, so the kernel places each
/// line whole at the end of the file and lines never cut into or overwrite one another.
public final class AppendOnlyFile: @unchecked Sendable {
    /// The longest line written (bytes, newline included); longer ones are cut with a note, so one line stays one write.
    public static let maxLineBytes = 16 * 1024

    /// The file appended to.
    public let url: URL
    private let fd: Int32

    /// Opens (creating it with mode 0600, and its directory with 0700) `url` for appending; nil when it cannot.
    public init?(url: URL) {
        self.url = url
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends `line` (a newline is added when missing) with one `write(2)`; answers whether it was written whole.
    @discardableResult
    public func append(line: String) -> Bool {
        var bytes = Array(line.utf8)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.count > AppendOnlyFile.maxLineBytes - 1 {
            let note = Array(" …(line cut at \(AppendOnlyFile.maxLineBytes / 1024) KB)".utf8)
            var cut = AppendOnlyFile.maxLineBytes - 1 - note.count
            // Cut at a UTF-8 scalar boundary.
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes = Array(bytes[..<cut]) + note
        }
        bytes.append(UInt8(ascii: "\n"))
        while true {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n == bytes.count { return true }
            // Interrupted before anything was written: the same single write again. A short write (a full disk)
            // is not retried, so no line is ever written in two pieces.
            if n < 0, errno == EINTR { continue }
            return false
        }
    }
}

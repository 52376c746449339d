import Foundation
import WaldurClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files that hold secrets: refused when group or others may access them.
enum PrivateFile {
    /// Files larger than this are not configuration.
    static let maximumSize = 1 << 20

    enum Status {
        case missing
        case present(mode: Int)
    }

    /// Whether the file exists, and its permission bits (symlinks followed).
    static func status(_ url: URL, what: String) throws(WaldurError) -> Status {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            throw WaldurError.configuration("cannot read \(what) \(url.path): \(String(cString: strerror(code)))")
        }
        let mode = Int(info.st_mode)
        guard mode & 0o170000 == 0o100000 else {
            throw WaldurError.configuration("\(what) \(url.path) is not a regular file")
        }
        return .present(mode: mode & 0o7777)
    }

    /// The text of a file that holds a token; nil when the file does not exist.
    /// Refuses files whose mode lets group or others in, saying how to fix it.
    static func readSecret(_ url: URL, what: String) throws(WaldurError) -> String? {
        guard case let .present(mode) = try status(url, what: what) else { return nil }
        if mode & 0o077 != 0 {
            throw WaldurError.configuration(
                "\(what) \(url.path) is open to group or others (mode \(octal(mode))) and holds a token; "
                    + "make it private with: chmod 600 \(url.path)")
        }
        return try readText(url, what: what)
    }

    /// The text of a file that holds no secret; nil when the file does not exist.
    static func readPlain(_ url: URL, what: String) throws(WaldurError) -> String? {
        guard case .present = try status(url, what: what) else { return nil }
        return try readText(url, what: what)
    }

    static func readText(_ url: URL, what: String) throws(WaldurError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: url.path) ? "it could not be read" : "permission denied"
            throw WaldurError.configuration("cannot read \(what) \(url.path): \(reason)")
        }
        guard data.count <= maximumSize else {
            throw WaldurError.configuration("\(what) \(url.path) is too large (\(data.count) bytes) to be a configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WaldurError.configuration("\(what) \(url.path) is not UTF-8 text")
        }
        return text
    }

    static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

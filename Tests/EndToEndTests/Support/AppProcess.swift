import Foundation

/// Finds the app process running in a tmux pane and reads what /proc exposes about it.
enum AppProcess {
    /// The pids of the direct children of `parent` (read from /proc/*/stat).
    static func children(of parent: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { name -> Int32? in
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent else { return nil }
            return pid
        }
    }

    /// The pid of the app in the pane: the pane shell's child whose executable is the binary.
    static func pid(in tmux: Tmux) throws -> Int32? {
        let shell = try tmux.panePID()
        return children(of: shell).first { pid in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"))?.hasSuffix("waldur-orders") == true
        }
    }

    /// The raw argument vector of `pid` (NUL-separated, as the kernel keeps it).
    static func cmdline(_ pid: Int32) -> Data {
        (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
    }

    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    /// Whether `pid` still runs (not gone, not a zombie), from /proc.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }
}

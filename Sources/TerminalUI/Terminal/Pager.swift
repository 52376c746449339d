import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Showing text in the user's pager with the screen suspended, like Ctrl-Z (`handleSuspendRequest`).
extension ScreenDriver {
    /// The pager command: `$PAGER`, else `less -R`.
    public nonisolated static func pagerCommand(environment: [String: String]) -> String {
        let pager = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return pager.isEmpty ? "less -R" : pager
    }

    /// Leaves curses mode, runs `command` with `/bin/sh -c` reading `text` on its standard input (from a private
    /// temporary file, so a pager that reads lazily never blocks the app), waits for it, then comes back with a
    /// full redraw. Ctrl-C meant for the pager does not reach the app meanwhile. Answers the pager's exit status,
    /// or nil when it could not be started.
    public func runPager(_ text: String, command: String) -> Int32? {
        runPager(text, command: command, environment: ScreenDriver.pagerEnvironment(ProcessInfo.processInfo.environment, utf8: charset == .unicode))
    }

    /// The pager's environment: the app's, plus a UTF-8 character type when the app draws UTF-8 only because it fell
    /// back to C.UTF-8 (LANG unset), so the pager shows the text as the app does rather than as byte codes.
    public nonisolated static func pagerEnvironment(_ environment: [String: String], utf8: Bool) -> [String: String] {
        var out = environment
        let locale = (environment["LC_ALL"] ?? "") + (environment["LC_CTYPE"] ?? "") + (environment["LANG"] ?? "")
        if utf8, !locale.lowercased().contains("utf-8"), !locale.lowercased().contains("utf8") {
            out["LC_CTYPE"] = "C.UTF-8"
            out["LESSCHARSET"] = out["LESSCHARSET"] ?? "utf-8"
        }
        return out
    }

    /// `runPager(_:command:)` with the pager's whole environment given.
    public func runPager(_ text: String, command: String, environment: [String: String]) -> Int32? {
        guard isRunning else { return nil }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("waldur-orders-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt").path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        close(fd)

        let mouse = mouseEnabled
        if mouse { _ = cn_mouse(0) }
        cn_set_active(0)
        _ = endwin()
        // The terminal's interrupt keys are the pager's now: the app ignores them until it returns.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var oldInt = sigaction(), oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        let status = ScreenDriver.spawnWaiting(command: command, stdinPath: path, environment: environment)
        sigaction(SIGINT, &oldInt, nil)
        sigaction(SIGQUIT, &oldQuit, nil)
        cn_set_active(1)
        if mouse { _ = cn_mouse(1) }
        invalidate()
        _ = wrefresh(cn_stdscr())
        return status
    }

    /// Runs `/bin/sh -c command` with stdin from `stdinPath` and default signal dispositions; waits for it.
    nonisolated static func spawnWaiting(command: String, stdinPath: String, environment: [String: String]) -> Int32? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&defaults, signal) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = []
        for argument in ["/bin/sh", "-c", command] { argv.append(strdup(argument)) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var envp: [UnsafeMutablePointer<CChar>?] = []
        for (key, value) in environment { envp.append(strdup("\(key)=\(value)")) }
        envp.append(nil)
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        // WIFEXITED / WEXITSTATUS, spelled out (they are macros).
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

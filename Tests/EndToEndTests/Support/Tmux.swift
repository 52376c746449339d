import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server of its own (private socket) running one command in a pane of a given size,
/// for driving the real binary in a real terminal: send keys, read the screen.
final class Tmux: @unchecked Sendable {
    let socket: String
    let session = "e2e"
    /// The config file given to the server (removed with the server).
    private var configPath = "/dev/null"

    /// Starts `command` (a shell command line) in a detached session of `width`×`height`; `config` lines are
    /// read by the server before the pane starts (e.g. `set -g set-clipboard on`).
    init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:], after: String = "",
         config: [String] = []) throws {
        socket = "waldur-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var configPath = "/dev/null"
        if !config.isEmpty {
            configPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf").path
            try (config.joined(separator: "\n") + "\n").write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        self.configPath = configPath
        var env = Binary.cleanEnvironment()
        env["TERM"] = "xterm-256color"
        env.merge(environment) { $1 }
        let exports = env.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let line = "env -i \(exports) \(command); echo '[exited '$?']'; \(after) sleep 600"
        // The server forks from this call: give it no pipe to inherit, or reading our end would never see EOF.
        try run(["-f", configPath, "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", line], capture: false)
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        // kill-server alone leaves the server running while the app is alive in the pane (tmux 3.3a), and once the pty
        // is gone the app keeps running, orphaned: end the pane's process group (shell, app, sleep) first.
        if let pid = try? panePID(), pid > 1 { kill(-pid, SIGTERM) }
        try? run(["kill-session", "-t", session])
        try? run(["kill-server"])
        if configPath != "/dev/null" { unlink(configPath) }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux client command and answers its output. Uses posix_spawn and waitpid, not Process:
    /// the tmux server that `new-session` forks keeps inherited descriptors open, and Foundation's
    /// Process would wait on those forever.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard capture else { return "" }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Types keys as tmux names them (`j`, `Enter`, `Escape`, `C-c`, `Space`…).
    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Types literal text.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// The visible screen as plain text.
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until `predicate` holds for the screen (polling); answers the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, interval: TimeInterval = 0.1, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
        return last
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) async throws -> String {
        try await waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Closes a text (the filter prompt by default) with `key`, waits until `closed` holds for the screen, and then
    /// pauses as a user would before a command: keys typed on at once after a text closes are discarded by the app
    /// (its type-ahead guard ends after 400 ms without a key). Answers the screen once closed.
    @discardableResult
    func closeText(_ key: String = "Enter", until closed: (String) -> Bool = { !$0.contains("keep filter") }) async throws -> String {
        try send(key)
        let screen = try await waitFor(closed)
        try await Task.sleep(nanoseconds: 600_000_000)
        return screen
    }

    /// The pid of the process in the pane (the shell running the command).
    func panePID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The pane's title, as set by OSC 0/2 sequences (of the session's pane, or of `target`).
    func paneTitle(_ target: String? = nil) throws -> String {
        try run(["display-message", "-p", "-t", target ?? session, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sets the pane's title the way `select-pane -T` does.
    func setPaneTitle(_ title: String, _ target: String? = nil) throws {
        try run(["select-pane", "-t", target ?? session, "-T", title])
    }

    /// The visible screen with its attributes as escape sequences (`capture-pane -e`).
    func screenWithEscapes() throws -> String { try run(["capture-pane", "-p", "-e", "-t", session]) }

    /// The names of the server's paste buffers (an OSC 52 that reaches tmux with `set-clipboard on` adds one).
    func bufferNames() throws -> [String] {
        try run(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The text of one paste buffer.
    func bufferText(_ name: String) throws -> String { try run(["show-buffer", "-b", name]) }

    /// Opens a detached window running `command`; answers its pane id (a target for the other calls).
    func newWindow(_ command: String) throws -> String {
        try run(["new-window", "-d", "-P", "-F", "#{pane_id}", "-t", session, command]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The plain screen of another pane.
    func screen(of target: String) throws -> String { try run(["capture-pane", "-p", "-t", target]) }
}

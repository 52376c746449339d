import Foundation

/// A tmux server of its own (private socket) running one command in a pane of a given size,
/// for driving the real binary in a real terminal: send keys, read the screen.
final class Tmux: @unchecked Sendable {
    let socket: String
    let session = "e2e"

    /// Starts `command` (a shell command line) in a detached session of `width`×`height`.
    init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "waldur-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var env = Binary.cleanEnvironment()
        env["TERM"] = "xterm-256color"
        env.merge(environment) { $1 }
        let exports = env.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let line = "env -i \(exports) \(command); echo '[exited '$?']'; sleep 600"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", line])
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit { try? run(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
    func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the process in the pane (the shell running the command).
    func panePID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The pane's title, as set by OSC 0/2 sequences.
    func paneTitle() throws -> String {
        try run(["display-message", "-p", "-t", session, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

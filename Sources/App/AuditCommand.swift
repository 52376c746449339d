import ArgumentParser
import Foundation
import OrderStore
import WaldurClient
import WaldurConfig

/// `waldur-orders audit`: prints the audit log of the actions run from this machine.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log of the actions you ran (one line per order and action).",
        discussion: """
        The log is $XDG_STATE_HOME/waldur-orders/audit.log (default ~/.local/state/waldur-orders/audit.log).
        Examples: waldur-orders audit --since 2h; waldur-orders audit --since 2026-11-26 --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Only records from this time on: a date (2026-11-26, 2026-11-26T09:00Z) or a duration ago (90s, 30m, 2h, 7d, 1w, 1h30m).")
    var since: String?
    @Option(help: "Output format: text (one readable line per record) or json (the raw JSON lines).")
    var format: Format = .text
    @Option(help: "Read this audit log file instead of the default one.")
    var file: String?

    func validate() throws {
        if let since, AuditCommand.parseSince(since, now: Date()) == nil {
            throw ValidationError("--since takes a date like 2026-11-26 or 2026-11-26T09:00Z, or a duration like 30m, 2h, 7d")
        }
    }

    func run() throws {
        let url: URL
        if let file {
            url = URL(fileURLWithPath: file)
        } else {
            let directory = StatePaths.stateDirectory(environment: ProcessInfo.processInfo.environment,
                                                      homeDirectory: FileManager.default.homeDirectoryForCurrentUser)
            url = directory.appendingPathComponent(FileAuditLog.fileName)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            FileHandle.standardError.write(Data("waldur-orders: no actions recorded yet (\(url.path) does not exist)\n".utf8))
            return
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CommandFailure("cannot read the audit log \(url.path): \(FileManager.default.isReadableFile(atPath: url.path) ? "read error" : "permission denied")")
        }
        let cutoff = since.flatMap { AuditCommand.parseSince($0, now: Date()) }
        var out = ""
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let json = try? JSONParser.parse(Array(line)), let entry = AuditEntry(json: json) else {
                unreadable += 1
                continue
            }
            if let cutoff, entry.time < cutoff { continue }
            switch format {
            case .json: out += JSONWriter.string(json) + "\n"
            case .text: out += AuditCommand.describe(entry) + "\n"
            }
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if unreadable > 0 {
            FileHandle.standardError.write(Data("waldur-orders: \(unreadable) line\(unreadable == 1 ? "" : "s") of \(url.path) could not be read and \(unreadable == 1 ? "was" : "were") skipped\n".utf8))
        }
    }

    /// One readable line: time, outcome, action, order, user@server, HTTP status, typed text and the server's message.
    static func describe(_ e: AuditEntry) -> String {
        let time = String(WaldurDate.format(e.time).prefix(19)).replacingOccurrences(of: "T", with: " ") + "Z"
        var parts = [time, e.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), "\(e.action) (\(e.endpoint))", e.order.hex]
        let who = [e.user, e.server].compactMap { $0 }.filter { !$0.isEmpty }
        if !who.isEmpty { parts.append(who.joined(separator: "@")) }
        parts.append(e.httpStatus.map { "HTTP \($0)" } ?? "no HTTP status")
        if let text = e.text, !text.isEmpty { parts.append("text: \"\(text)\"") }
        if let message = e.message, !message.isEmpty { parts.append("server: \(message)") }
        // What set erred overwrote on the server, so it can always be read back (line breaks shown as \n).
        func escaped(_ s: String) -> String { s.replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n") }
        if let traceback = e.traceback, !traceback.isEmpty { parts.append("traceback: \"\(escaped(traceback))\"") }
        if let r = e.replaced {
            parts.append("replaced message: \"\(escaped(r.errorMessage ?? ""))\"")
            parts.append(r.errorTraceback.map { "replaced traceback: \"\(escaped($0))\"" } ?? "replaced traceback: (not shown to this user)")
        }
        // Text from the server or the log file is shown with control characters replaced, never interpreted.
        return parts.map(TextFolding.displayLine).joined(separator: "  ")
    }

    /// A date, or a duration before `now` (`90s`, `30m`, `2h`, `7d`, `1w`, combined like `1h30m`).
    static func parseSince(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = WaldurDate.parse(trimmed) { return date }
        var seconds: Double = 0
        var number = ""
        var any = false
        for c in trimmed.lowercased() {
            if c.isASCII, c.isNumber {
                number.append(c)
                continue
            }
            guard let n = Double(number) else { return nil }
            switch c {
            case "s": seconds += n
            case "m": seconds += n * 60
            case "h": seconds += n * 3600
            case "d": seconds += n * 86400
            case "w": seconds += n * 7 * 86400
            default: return nil
            }
            number = ""
            any = true
        }
        guard any, number.isEmpty else { return nil }
        return now.addingTimeInterval(-seconds)
    }
}

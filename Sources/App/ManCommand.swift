import ArgumentParser
import Foundation

/// `waldur-orders man`: the manual page in roff, generated from the command tree (the same definitions as `--help`).
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man",
        abstract: "Print the manual page (roff): waldur-orders man > waldur-orders.1",
        shouldDisplay: false
    )

    func run() throws {
        FileHandle.standardOutput.write(Data(Self.render().utf8))
    }

    /// The page: name, synopsis, description, then every command's help, subcommands included.
    static func render() -> String {
        let root = WaldurOrders.configuration
        var out = ".TH WALDUR-ORDERS 1 \"\" \"waldur-orders \(root.version)\" \"User Commands\"\n"
        out += ".SH NAME\nwaldur-orders \\- \(escape(root.abstract))\n"
        out += ".SH SYNOPSIS\n.B waldur-orders\n[\\fIcommand\\fR] [\\fIoptions\\fR]\n"
        out += ".SH DESCRIPTION\n\(escape(root.discussion))\n"
        out += ".SH COMMANDS\n"
        for command in commands(root.subcommands, path: []) {
            let (path, type) = command
            out += ".SS \(escape(path.joined(separator: " ")))\n"
            out += ".nf\n" + escape(WaldurOrders.helpMessage(for: type, columns: 100)) + "\n.fi\n"
        }
        out += ".SH EXIT STATUS\n0 when every order succeeded, 1 when any failed or was refused, 64 for usage errors.\n"
        out += ".SH FILES\n~/.config/waldur-orders/config.toml, ~/.config/waldur-cli/credentials.toml, "
            + "~/.local/state/waldur-orders/audit.log\n"
        out += ".SH SHELL COMPLETION\nwaldur-orders \\-\\-generate\\-completion\\-script bash|zsh|fish\n"
        return out
    }

    /// Every visible command with its path, depth first.
    static func commands(_ types: [ParsableCommand.Type], path: [String]) -> [([String], ParsableCommand.Type)] {
        var out: [([String], ParsableCommand.Type)] = []
        for t in types where t.configuration.shouldDisplay {
            let name = t.configuration.commandName ?? String(describing: t).lowercased()
            out.append((path + [name], t))
            out += commands(t.configuration.subcommands, path: path + [name])
        }
        return out
    }

    /// Text safe in roff: backslashes doubled, lines starting with `.` or `'` protected.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }
}

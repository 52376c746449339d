import ArgumentParser
import Foundation

/// The `waldur-orders` command: the terminal UI by default, plus scriptable subcommands.
@main
struct WaldurOrders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waldur-orders",
        abstract: "Review Waldur marketplace orders from the terminal.",
        discussion: """
        Connection: --api-url or WALDUR_API_URL; the token from --token-file, WALDUR_ACCESS_TOKEN, or the
        waldur-cli credentials profile (~/.config/waldur-cli/credentials.toml, --profile / WALDUR_PROFILE).
        The token is never accepted as a flag value.
        """,
        version: "0.1.0",
        subcommands: [UICommand.self, ListCommand.self, GetCommand.self, ApproveCommand.self, RejectCommand.self, CancelCommand.self,
                      SetStateCommand.self, SetBackendIDCommand.self, AttachmentCommand.self, UnlinkCommand.self, DeleteCommand.self,
                      CreateCommand.self, OfferingCommand.self, WaitCommand.self, AuditCommand.self, SandboxCommand.self, ManCommand.self],
        defaultSubcommand: UICommand.self
    )
}

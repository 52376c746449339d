import ArgumentParser
import OrderStore

/// `waldur-orders unlink`: Remove orders without touching the backend (staff only).
struct UnlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Remove orders without touching the backend (staff only).",
        discussion: "Example: waldur-orders unlink 4f1c0a2b9e7d4c21a0b3c4d5e6f7a8b9"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.unlink))
    }
}

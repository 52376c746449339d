import ArgumentParser
import OrderStore

/// `waldur-orders delete`: Delete pending orders.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete pending orders.",
        discussion: "Example: waldur-orders list --state pending-consumer --format tsv | waldur-orders delete - --yes"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.delete))
    }
}

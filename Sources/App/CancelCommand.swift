import ArgumentParser
import OrderStore

/// `waldur-orders cancel`: Cancel orders (basic and support offerings; pending or executing).
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel orders (basic and support offerings; pending or executing).",
        discussion: "Example: waldur-orders cancel 4f1c0a2b --dry-run"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.cancel))
    }
}

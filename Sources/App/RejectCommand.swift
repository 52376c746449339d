import ArgumentParser
import OrderStore

/// `waldur-orders reject`: rejects each order on the side the rules pick (or `--as`).
struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject orders as consumer or provider (the side is picked from each order's state, or --as).",
        discussion: "Example: waldur-orders reject 4f1c0a2b --as provider --comment 'quota exhausted'"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    @Option(name: .customLong("as"), help: "Only this side: consumer or provider.") var side: ReviewSide?
    @Option(help: "A comment to the consumer, sent with the provider's rejection (the consumer's rejection takes none).") var comment: String?

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.reject, side: side?.rawValue, text: comment))
    }
}

import ArgumentParser
import Foundation
import OrderStore
import WaldurClient

/// `waldur-orders approve`: approves each order on the side the rules pick (or `--as`).
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve orders as consumer or provider (the side is picked from each order's state, or --as).",
        discussion: "Example: waldur-orders list --can-approve-as-provider --format tsv | waldur-orders approve - --as provider --yes"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    @Option(name: .customLong("as"), help: "Only this side: consumer or provider.") var side: ReviewSide?
    @Option(help: "Provider approval only: adjusted options as JSON, or @FILE to read them from a file.") var attributes: String?

    func run() async throws {
        let json = try attributes.map { try JSONArgument.object($0, option: "--attributes") }
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.approve, side: side?.rawValue, attributes: json))
    }
}

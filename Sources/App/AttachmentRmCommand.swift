import ArgumentParser

/// `waldur-orders attachment rm ORDER…`: removes each order's attachment.
struct AttachmentRmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove the attachment of each order."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options).run(.attachmentRemove)
    }
}

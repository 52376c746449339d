import ArgumentParser

/// `waldur-orders attachment put|rm`: the attachment of pending orders.
struct AttachmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "Upload or remove the attachment of pending orders.",
        subcommands: [AttachmentPutCommand.self, AttachmentRmCommand.self]
    )
}

import ArgumentParser
import Foundation

/// `waldur-orders attachment put FILE ORDER…`: uploads FILE as each order's attachment (multipart).
struct AttachmentPutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put",
        abstract: "Upload FILE as the attachment of each order.",
        discussion: "Example: waldur-orders attachment put quote.pdf 4f1c0a2b"
    )

    @Argument(help: "The file to upload.") var file: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw UsageFailure("cannot read the file \(file)") }
        let name = URL(fileURLWithPath: file).lastPathComponent
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.attachmentPut(filename: name, data: Array(data)))
    }
}

import ArgumentParser
import OrderStore

/// `waldur-orders set-backend-id`: stores the backend's id of each order.
struct SetBackendIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-backend-id",
        abstract: "Set the backend id of orders.",
        discussion: "Example: waldur-orders set-backend-id 4f1c0a2b --backend-id slurm-4711"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    @Option(name: .customLong("backend-id"), help: "The backend id to store.") var backendID: String

    func validate() throws {
        if backendID.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--backend-id must not be empty") }
    }

    func run() async throws {
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(.setBackendID, text: backendID))
    }
}

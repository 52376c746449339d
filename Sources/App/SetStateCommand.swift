import ArgumentParser
import OrderStore

/// `waldur-orders set-state executing|done|erred`: moves orders as the provider of a remote offering would.
struct SetStateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-state",
        abstract: "Set orders executing, done or erred (erred needs --message; the server keeps the replaced texts in the audit log).",
        discussion: """
        Example: waldur-orders list --state erred --format tsv | waldur-orders set-state executing - --yes
        On an order that is not executing, set-state erred replaces the error message and traceback and keeps the state.
        """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case executing, done, erred }

    @Argument(help: "The new state: executing, done or erred.") var state: Target
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @OptionGroup var options: ActionOptions

    @Option(help: "erred: the error message (required).") var message: String?
    @Option(help: "erred: the error traceback.") var traceback: String?

    func validate() throws {
        if state == .erred {
            guard let message, !message.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("set-state erred needs --message TEXT")
            }
        } else if message != nil || traceback != nil {
            throw ValidationError("--message and --traceback go only with set-state erred")
        }
    }

    func run() async throws {
        let action: OrderAction = switch state {
        case .executing: .setStateExecuting
        case .done: .setStateDone
        case .erred: .setStateErred
        }
        try await ActionRunner(connection: connection, arguments: target, options: options)
            .run(.action(action, text: message, traceback: traceback))
    }
}

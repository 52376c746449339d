import ArgumentParser
import Foundation
import WaldurSandbox

/// `waldur-orders sandbox`: a Waldur-compatible server with seeded data, in the foreground.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the Waldur-compatible sandbox server in the foreground (stop with Ctrl-C).",
        discussion: "Prints `url <URL>`, then one `token <role> <username> <token>` line per user."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 0
    @Option(help: "How many orders to seed.") var orders = 300
    @Option(help: "Seed for the generated data and tokens.") var seed: UInt64 = 1
    @Flag(help: "New orders arrive and orders move along every few seconds.") var activity = false
    @Option(help: "Faults to inject, e.g. latency=200ms,error=0.3:503:list (see the sandbox docs).") var faults: String?
    @Flag(help: "Add orders with hostile strings (escape sequences, bidi overrides, huge values).") var hostile = false

    func validate() throws {
        if orders < 0 { throw ValidationError("--orders must not be negative") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        var options = SandboxOptions()
        options.host = host
        options.port = port
        options.orderCount = orders
        options.seed = seed
        options.activity = activity
        options.faults = faults
        options.hostile = hostile
        let sandbox: RunningSandbox
        do { sandbox = try await Sandbox.start(options) } catch {
            throw CommandFailure("\(error)")
        }
        var lines = "url \(sandbox.url.absoluteString)\n"
        for user in sandbox.users { lines += "token \(user.role) \(user.username) \(user.token)\n" }
        FileHandle.standardOutput.write(Data(lines.utf8))
        _ = await SignalWaiter.wait()
        await sandbox.stop()
    }
}

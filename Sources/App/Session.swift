import ArgumentParser
import Foundation
import WaldurClient
import WaldurSandbox

/// A connected client, and the in-process demo sandbox when `--demo` started one.
final class Session: Sendable {
    let client: WaldurClient
    let host: String
    let username: String?
    let sandbox: RunningSandbox?

    init(client: WaldurClient, host: String, username: String?, sandbox: RunningSandbox? = nil) {
        self.client = client
        self.host = host
        self.username = username
        self.sandbox = sandbox
    }

    static func open(_ options: ConnectionOptions) async throws -> Session {
        if options.demo { return try await openDemo(options) }
        let env = ProcessInfo.processInfo.environment
        guard let url = options.apiURL ?? env["WALDUR_API_URL"] else {
            throw CommandFailure("no API URL: give --api-url, set WALDUR_API_URL, or use --demo")
        }
        do {
            let root = try ClientConfiguration.normalizeAPIRoot(url, allowInsecure: options.insecureHTTP)
            let token = env["WALDUR_ACCESS_TOKEN"].map(APIToken.init)
            let config = ClientConfiguration(apiRoot: root, token: token, requestTimeout: options.timeout)
            return Session(client: WaldurClient(configuration: config), host: root.host ?? "", username: nil)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// Starts the embedded sandbox on an ephemeral loopback port and connects as the demo user.
    static func openDemo(_ options: ConnectionOptions) async throws -> Session {
        var sandboxOptions = SandboxOptions()
        sandboxOptions.activity = true
        let sandbox: RunningSandbox
        do { sandbox = try await Sandbox.start(sandboxOptions) } catch {
            throw CommandFailure("\(error)")
        }
        guard let user = sandbox.user(role: options.demoUser) else {
            await sandbox.stop()
            throw CommandFailure("no demo user '\(options.demoUser)'; use one of: \(sandbox.users.map(\.role).joined(separator: ", "))")
        }
        let config = ClientConfiguration(apiRoot: sandbox.url, token: APIToken(user.token), requestTimeout: options.timeout)
        return Session(client: WaldurClient(configuration: config), host: "demo sandbox", username: user.username, sandbox: sandbox)
    }

    func close() async {
        await sandbox?.stop()
    }
}

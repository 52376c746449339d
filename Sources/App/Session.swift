import ArgumentParser
import Foundation
import WaldurClient
import WaldurConfig
import WaldurSandbox

/// A connected client, and the in-process demo sandbox when `--demo` started one.
final class Session: Sendable {
    let client: WaldurClient
    let host: String
    let username: String?
    let isStaff: Bool
    let sandbox: RunningSandbox?

    init(client: WaldurClient, host: String, username: String?, isStaff: Bool = false, sandbox: RunningSandbox? = nil) {
        self.client = client
        self.host = host
        self.username = username
        self.isStaff = isStaff
        self.sandbox = sandbox
    }

    static func open(_ connection: ConnectionOptions) async throws -> Session {
        try await open(connection.server, requestTimeout: connection.timeout)
    }

    /// Connects with `options`, allowing `requestTimeout` seconds per request.
    static func open(_ options: ServerOptions, requestTimeout: Double) async throws -> Session {
        if options.demo { return try await openDemo(options, requestTimeout: requestTimeout) }
        let environment = ProcessInfo.processInfo.environment
        let home = FileManager.default.homeDirectoryForCurrentUser
        do throws(WaldurError) {
            let appConfig = try AppConfigFile.load(from: AppConfigFile.defaultURL(environment: environment, homeDirectory: home))
            let resolved = try ConfigurationResolver.resolve(
                apiURL: options.apiURL, tokenFile: options.tokenFile, profile: options.profile, allowInsecureHTTP: options.insecureHTTP,
                environment: environment, homeDirectory: home, configFileAPIURL: appConfig.apiURL, configFileProfile: appConfig.profile)
            // Without a token every request would be refused (or see nothing): say how to give one, send nothing.
            guard resolved.token != nil else {
                throw WaldurError.configuration("no API token is configured for \(resolved.apiRoot.host ?? resolved.apiRoot.absoluteString): give one with "
                    + "--token-file PATH, the WALDUR_ACCESS_TOKEN environment variable, or a profile's token in "
                    + "~/.config/waldur-cli/credentials.toml (chmod 600); tokens are never taken as flag values")
            }
            var config = resolved.clientConfiguration
            config.requestTimeout = requestTimeout
            AppLogging.logger("waldur-orders").info("connecting to \(resolved.apiRoot.absoluteString) (token from \(resolved.tokenSource))")
            return Session(client: makeClient(config), host: resolved.apiRoot.host ?? "", username: nil)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// The same session with the user the token belongs to, when the server says (staff-only actions depend on it).
    /// A server that does not answer `users/me/` leaves the user unknown and non-staff; nothing else depends on it.
    func identified() async -> Session {
        guard username == nil else { return self }
        do {
            let me = try await client.currentUser()
            return Session(client: client, host: host, username: me.username, isStaff: me.isStaff || me.isSupport, sandbox: sandbox)
        } catch {
            AppLogging.logger("waldur-orders").warning("could not read the current user: \(error.message)")
            return self
        }
    }

    /// Starts the embedded sandbox on an ephemeral loopback port and connects as the demo user.
    static func openDemo(_ options: ServerOptions, requestTimeout: Double) async throws -> Session {
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
        let config = ClientConfiguration(apiRoot: sandbox.url, token: APIToken(user.token), requestTimeout: requestTimeout)
        return Session(client: makeClient(config), host: "demo sandbox", username: user.username, isStaff: user.role == "staff", sandbox: sandbox)
    }

    static func makeClient(_ config: ClientConfiguration) -> WaldurClient {
        WaldurClient(configuration: config, transport: LoggingTransport(base: CurlTransport(), logger: AppLogging.logger("http")))
    }

    func close() async {
        await sandbox?.stop()
    }
}

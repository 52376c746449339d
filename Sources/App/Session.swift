import ArgumentParser
import Foundation
import WaldurClient

/// A connected client, and the in-process demo sandbox when `--demo` started one.
final class Session: Sendable {
    let client: WaldurClient
    let host: String
    let username: String?

    init(client: WaldurClient, host: String, username: String?) {
        self.client = client
        self.host = host
        self.username = username
    }

    static func open(_ options: ConnectionOptions) async throws -> Session {
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

    func close() async {}
}

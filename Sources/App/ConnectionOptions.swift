import ArgumentParser
import Foundation
import WaldurClient

/// How to reach Waldur: flags shared by every command that talks to a server, with the request timeout.
struct ConnectionOptions: ParsableArguments {
    @OptionGroup var server: ServerOptions

    @Option(help: "Seconds allowed for one request.")
    var timeout: Double = 30
}

/// The server, token and demo flags (`wait` has its own `--timeout`, so the request timeout is apart).
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: "Waldur API URL (else WALDUR_API_URL, else the credentials profile).")
    var apiURL: String?

    @Option(name: .customLong("token-file"), help: "Read the API token from this file (mode 0600).")
    var tokenFile: String?

    @Option(help: "Profile in ~/.config/waldur-cli/credentials.toml (else WALDUR_PROFILE, else 'default').")
    var profile: String?

    @Flag(name: .customLong("insecure-http"), help: "Allow plain http:// to hosts other than loopback.")
    var insecureHTTP = false

    @Flag(help: "Run against the embedded demo sandbox instead of a real Waldur.")
    var demo = false

    @Option(name: .customLong("demo-user"), help: "With --demo: the sandbox user to act as (staff, consumer, provider, member).")
    var demoUser: String = "staff"

    /// Never used: `--token` is accepted only to answer why tokens are not flags (see `TokenFlag`).
    @Option(name: .customLong("token"), parsing: .unconditional, help: .hidden)
    var refusedToken: String?

    func validate() throws {
        if refusedToken != nil { throw ValidationError(TokenFlag.refusal) }
    }
}

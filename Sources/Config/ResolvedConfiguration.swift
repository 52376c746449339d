import Foundation
import WaldurClient

/// Where to connect and with which token, after flags, environment and files have been weighed.
public struct ResolvedConfiguration: Sendable, CustomStringConvertible {
    /// The API root, always ending in `/api/`.
    public var apiRoot: URL
    /// The token; nil when no source gave one (anonymous requests).
    public var token: APIToken?
    /// The credentials profile that was read, when one was.
    public var profile: String?
    /// Where the token came from, e.g. `WALDUR_ACCESS_TOKEN`, `--token-file /path`,
    /// `profile default in /home/u/.config/waldur-cli/credentials.toml`, or `none`. Never the token.
    public var tokenSource: String
    /// Where the API URL came from, e.g. `--api-url`, `WALDUR_API_URL`, `profile prod in …`.
    public var apiURLSource: String

    public init(apiRoot: URL, token: APIToken?, profile: String?, tokenSource: String, apiURLSource: String) {
        self.apiRoot = apiRoot
        self.token = token
        self.profile = profile
        self.tokenSource = tokenSource
        self.apiURLSource = apiURLSource
    }

    /// A client configuration for this API root and token, with the client's defaults for the rest.
    public var clientConfiguration: ClientConfiguration {
        ClientConfiguration(apiRoot: apiRoot, token: token)
    }

    /// One line for `--verbose` or a status bar: URL, token kind and sources; never the token.
    public var description: String {
        let kind: String
        if let token { kind = token.isPersonalAccessToken ? "personal access token" : "token" } else { kind = "no token" }
        return "\(apiRoot.absoluteString) (from \(apiURLSource)), \(kind) (from \(tokenSource))"
    }
}

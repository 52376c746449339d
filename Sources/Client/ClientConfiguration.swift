import Foundation

/// Where the client talks to and how.
public struct ClientConfiguration: Sendable {
    /// The API root, always ending in `/api/`.
    public var apiRoot: URL
    public var token: APIToken?
    /// Time allowed for one request.
    public var requestTimeout: TimeInterval
    public var retryPolicy: RetryPolicy
    public var userAgent: String

    public init(apiRoot: URL, token: APIToken?, requestTimeout: TimeInterval = 30, retryPolicy: RetryPolicy = .default, userAgent: String = "waldur-orders/0.1") {
        self.apiRoot = apiRoot
        self.token = token
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.userAgent = userAgent
    }

    /// Normalises a user-given URL to the API root: works with or without `/api/` and a trailing slash.
    /// Refuses plain http for hosts other than loopback unless `allowInsecure`.
    public static func normalizeAPIRoot(_ text: String, allowInsecure: Bool = false) throws(WaldurError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let comps = URLComponents(string: trimmed), let scheme = comps.scheme?.lowercased(), let host = comps.host, !host.isEmpty else {
            throw WaldurError.configuration("the API URL \"\(trimmed.prefix(200))\" is not a valid URL; give one like https://waldur.example.com/api/")
        }
        guard scheme == "https" || scheme == "http" else {
            throw WaldurError.configuration("the API URL must start with https:// (got \(scheme)://)")
        }
        if scheme == "http" && !allowInsecure && !isLoopback(host) {
            throw WaldurError.configuration("refusing plain http:// to \(host): the token would travel unencrypted; use https:// or pass --insecure-http")
        }
        var path = comps.path
        while path.hasSuffix("/") { path.removeLast() }
        if !path.hasSuffix("/api") { path += "/api" }
        path += "/"
        var out = URLComponents()
        out.scheme = scheme
        out.host = comps.host
        out.port = comps.port
        out.path = path
        guard let url = out.url else { throw WaldurError.configuration("the API URL \"\(trimmed.prefix(200))\" is not a valid URL") }
        return url
    }

    /// localhost, 127.0.0.0/8 and ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || h.hasPrefix("127.")
    }
}

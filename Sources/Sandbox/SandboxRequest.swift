/// The parts of an HTTP request the sandbox looks at.
struct SandboxRequest: Sendable {
    var method: String
    var path: String
    /// The raw query string without `?`.
    var query: String
    var authorization: String?
    var contentType: String?
    /// `http://host:port` as the client addressed it.
    var origin: String
    var body: [UInt8]
}

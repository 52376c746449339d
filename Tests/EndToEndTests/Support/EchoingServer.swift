import Foundation

/// A minimal HTTP server on loopback that answers every request with 400 and echoes the request's
/// headers (Authorization included) back in a JSON body: the worst case for a client that prints server messages.
final class EchoingServer: Sendable {
    private let seen = Seen()
    private let listener: LoopbackHTTPListener

    init() throws {
        let seen = self.seen
        listener = try LoopbackHTTPListener { text in
            let headers = text.components(separatedBy: "\r\n").dropFirst().prefix { !$0.isEmpty }
            let auth = headers.first { $0.lowercased().hasPrefix("authorization:") }
                .map { String($0.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
            seen.append(auth)
            let echoed = headers.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
            let body = "{\"detail\":\"Bad request, you sent Authorization: \(auth.replacingOccurrences(of: "\"", with: "'"))\",\"headers\":[\""
                + echoed.joined(separator: "\",\"") + "\"]}"
            return (400, "Bad Request", body)
        }
    }

    var port: UInt16 { listener.port }
    var url: String { listener.url }

    /// The Authorization header values the server received.
    var authorizations: [String] { seen.all }

    /// The values seen, shared with the listener's thread.
    private final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func append(_ v: String) { lock.withLock { values.append(v) } }
        var all: [String] { lock.withLock { values } }
    }
}

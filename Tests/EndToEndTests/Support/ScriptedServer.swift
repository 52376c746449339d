/// A minimal HTTP server on loopback that answers every request with the status and JSON body `respond` gives for
/// its request line: for cases the sandbox cannot produce (two orders sharing an 8-digit uuid prefix).
final class ScriptedServer: Sendable {
    private let listener: LoopbackHTTPListener

    init(respond: @escaping @Sendable (String) -> (Int, String)) throws {
        listener = try LoopbackHTTPListener { head in
            let (status, body) = respond(head.components(separatedBy: "\r\n").first ?? "")
            return (status, "X", body)
        }
    }

    var port: UInt16 { listener.port }
    var url: String { listener.url }
}

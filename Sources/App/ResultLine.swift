import Foundation
import OrderStore
import WaldurClient

/// One order's result of a command: what was asked, what the server answered and the state it shows now.
struct ResultLine {
    var order: WaldurUUID
    var action: String
    /// The API call (or would-be call); nil when nothing could be chosen.
    var endpoint: String?
    var httpStatus: Int?
    /// The order's state as re-read after the call ("removed" after unlink or delete).
    var state: String?
    /// succeeded, refused, failed, unknown, would-send (dry run).
    var outcome: String
    /// The server's sentence (its `detail` or error text), or the rule's refusal.
    var message: String
    /// Dry run: the request that would be sent.
    var request: DryRunRequest?

    var succeeded: Bool { outcome == "succeeded" || outcome == "would-send" }

    var json: JSONValue {
        var m: [(String, JSONValue)] = [
            ("order", .string(order.hex)),
            ("action", .string(action)),
            ("endpoint", endpoint.map(JSONValue.string) ?? .null),
            ("http_status", httpStatus.map { .number(String($0)) } ?? .null),
            ("state", state.map(JSONValue.string) ?? .null),
            ("outcome", .string(outcome)),
            ("message", .string(message)),
        ]
        if let request {
            m.append(("request", .object([("method", .string(request.method)), ("url", .string(request.url)),
                                         ("body", request.body ?? .null)])))
        }
        return .object(m)
    }

    /// The cells of the table and TSV: order, action, status, state, outcome, message.
    var cells: [String] {
        var text = message
        if let request { text = request.line + (message.isEmpty ? "" : "  " + message) }
        return [order.hex, endpoint ?? action, httpStatus.map(String.init) ?? "-", state ?? "-", outcome, text]
    }

    static let headers = ["ORDER", "ACTION", "HTTP", "STATE", "OUTCOME", "MESSAGE"]
}

/// A request a dry run would send.
struct DryRunRequest {
    var method: String
    var url: String
    var body: JSONValue?

    var line: String { "\(method) \(url)" + (body.map { " " + JSONWriter.string($0) } ?? "") }
}

import Foundation
import WaldurClient

/// One action call as the audit log records it: one JSON line per order and call.
public struct AuditEntry: Sendable, Equatable {
    /// When the answer arrived.
    public var time: Date
    /// The server's host name (filled in by the log that writes the entry).
    public var server: String?
    /// The user who ran the action, when known.
    public var user: String?
    /// The order the call was for.
    public var order: WaldurUUID
    /// The action as the user chose it ("approve", "reject", …).
    public var action: String
    /// The API endpoint called ("approve_by_consumer", "set_backend_id", …).
    public var endpoint: String
    /// The text the user typed and that was sent (comment, message, backend id).
    public var text: String?
    /// The traceback sent with set erred.
    public var traceback: String?
    /// What the action replaced on the server (set erred: the error message and traceback before it).
    public var replaced: ReplacedTexts?
    /// The HTTP status of the answer, when there was one.
    public var httpStatus: Int?
    /// The server's message (success detail or error text), or the client's reason when there was no answer.
    public var message: String?
    public var outcome: AuditOutcome

    public init(time: Date, server: String? = nil, user: String? = nil, order: WaldurUUID, action: String, endpoint: String,
                text: String? = nil, httpStatus: Int? = nil, message: String? = nil, outcome: AuditOutcome) {
        self.time = time
        self.server = server
        self.user = user
        self.order = order
        self.action = action
        self.endpoint = endpoint
        self.text = text
        self.httpStatus = httpStatus
        self.message = message
        self.outcome = outcome
    }

    /// The entry for one call and the answer its action request got.
    public init(time: Date, user: String?, call: ActionCall, action: String?, answer: Result<ActionResult, WaldurError>,
                replaced: ReplacedTexts? = nil) {
        var status: Int?
        var message: String?
        switch answer {
        case let .success(result):
            status = result.status
            message = result.detail
        case let .failure(error):
            if case let .http(s, serverMessage, _) = error {
                status = s
                message = serverMessage ?? error.message
            } else {
                message = error.message
            }
        }
        self.init(time: time, user: user, order: call.uuid, action: action ?? call.endpoint.rawValue,
                  endpoint: call.endpoint.wirePath, text: call.text, httpStatus: status, message: message,
                  outcome: AuditOutcome(answer))
        self.traceback = call.traceback
        self.replaced = replaced
    }

    /// The record as a JSON object (fields in a fixed order; absent values are null).
    public var json: JSONValue {
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return .object([
            ("time", .string(WaldurDate.format(time))),
            ("server", text(server)),
            ("user", text(user)),
            ("order", .string(order.hex)),
            ("action", .string(action)),
            ("endpoint", .string(endpoint)),
            ("text", text(self.text)),
            ("traceback", text(traceback)),
            ("replaced_error_message", text(replaced?.errorMessage)),
            ("replaced_error_traceback", text(replaced?.errorTraceback)),
            ("http_status", httpStatus.map { .number(String($0)) } ?? .null),
            ("message", text(message)),
            ("outcome", .string(outcome.rawValue)),
        ])
    }

    /// The record as one line of JSON (no newline), with every occurrence of each secret replaced.
    public func jsonLine(redacting secrets: [String] = []) -> String {
        var entry = self
        let secrets = secrets.filter { !$0.isEmpty }
        if !secrets.isEmpty {
            func clean(_ s: String?) -> String? {
                guard var s else { return nil }
                for secret in secrets { s = s.replacingOccurrences(of: secret, with: "<redacted>") }
                return s
            }
            entry.server = clean(server)
            entry.user = clean(user)
            entry.text = clean(text)
            entry.traceback = clean(traceback)
            if let r = replaced { entry.replaced = ReplacedTexts(errorMessage: clean(r.errorMessage), errorTraceback: clean(r.errorTraceback)) }
            entry.message = clean(message)
            entry.action = clean(action) ?? ""
        }
        return JSONWriter.string(entry.json)
    }

    /// Reads a record written by `json`; nil when a required field is missing or odd.
    public init?(json: JSONValue) {
        guard let timeText = json["time"]?.stringValue, let time = WaldurDate.parse(timeText),
              let order = json["order"]?.stringValue, let action = json["action"]?.stringValue,
              let endpoint = json["endpoint"]?.stringValue,
              let outcomeText = json["outcome"]?.stringValue, let outcome = AuditOutcome(rawValue: outcomeText) else { return nil }
        self.init(time: time, server: json["server"]?.stringValue, user: json["user"]?.stringValue, order: WaldurUUID(order),
                  action: action, endpoint: endpoint, text: json["text"]?.stringValue, httpStatus: json["http_status"]?.intValue,
                  message: json["message"]?.stringValue, outcome: outcome)
        traceback = json["traceback"]?.stringValue
        let replacedMessage = json["replaced_error_message"]?.stringValue
        let replacedTraceback = json["replaced_error_traceback"]?.stringValue
        if replacedMessage != nil || replacedTraceback != nil {
            replaced = ReplacedTexts(errorMessage: replacedMessage, errorTraceback: replacedTraceback)
        }
    }
}

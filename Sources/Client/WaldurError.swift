import Foundation

/// Every failure of the client, with a sentence a user can act on (`message`). Never contains the token.
public enum WaldurError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status; `serverMessage` is its own text, extracted from the body.
    case http(status: Int, serverMessage: String?, retryAfter: TimeInterval?)
    /// The request did not get an answer.
    case transport(TransportFailure, detail: String)
    /// A success answer whose body could not be read; names the field path.
    case undecodable(JSONDecodingError)
    /// Flags, environment or files that do not make a usable configuration.
    case configuration(String)
    case cancelled

    public enum TransportFailure: String, Sendable, Equatable {
        case nameResolution = "could not resolve the server's name"
        case connectionRefused = "the connection was refused"
        case tls = "the TLS handshake failed"
        case timeout = "the request timed out"
        case connectionLost = "the connection was lost"
        case other = "the request failed"
    }

    /// The HTTP status, when there was one.
    public var status: Int? { if case let .http(s, _, _) = self { return s } else { return nil } }

    /// True when the failure leaves it unknown whether a write reached the server.
    public var outcomeUnknown: Bool {
        if case let .transport(kind, _) = self { return kind == .connectionLost || kind == .timeout || kind == .other }
        return false
    }

    public var message: String {
        switch self {
        case let .http(status, serverMessage, _):
            let reason = WaldurError.reasonPhrase(status)
            let what = "HTTP \(status) \(reason)"
            var hint = ""
            switch status {
            case 401: hint = " Check the API token (WALDUR_ACCESS_TOKEN, --token-file or the credentials profile)."
            case 403: hint = " Your user lacks the permission for this."
            case 404: hint = serverMessage == nil ? " Check the API URL." : ""
            case 429: hint = " The server is rate-limiting; try again shortly."
            case 500...599: hint = " The server failed; try again later or ask its operators."
            default: break
            }
            if let serverMessage, !serverMessage.isEmpty { return "\(what): \(serverMessage)\(hint)" }
            return "\(what).\(hint)"
        case let .transport(kind, detail):
            return detail.isEmpty ? "Network error: \(kind.rawValue)." : "Network error: \(kind.rawValue) (\(detail))."
        case let .undecodable(e):
            return "The server's answer could not be read: \(e.description)."
        case let .configuration(text):
            return "Configuration error: \(text)"
        case .cancelled:
            return "The request was cancelled."
        }
    }

    public var description: String { message }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 413: return "Payload Too Large"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }

    /// The server's own message from an error body in any of Waldur's shapes: `{"detail": …}`, a list,
    /// a field map, `{"non_field_errors": […]}`. A body that is not JSON gives a short sentence, never the page itself.
    public static func serverMessage(from body: [UInt8], contentType: String?) -> String? {
        if body.isEmpty { return nil }
        guard let json = try? JSONParser.parse(body) else {
            let looksHTML = (contentType ?? "").lowercased().contains("html")
                || String(decoding: body.prefix(200), as: UTF8.self).lowercased().contains("<html")
                || String(decoding: body.prefix(200), as: UTF8.self).lowercased().contains("<!doctype")
            if looksHTML { return "the server sent an HTML page instead of a JSON error (wrong API URL, or a proxy in between?)" }
            let text = String(decoding: body.prefix(200), as: UTF8.self)
                .unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(String.init).joined()
            return text.isEmpty ? nil : "the server sent a non-JSON body: \(text.prefix(120))"
        }
        return flatten(json)
    }

    static func flatten(_ json: JSONValue, field: String? = nil) -> String? {
        switch json {
        case let .string(s): return field.map { "\($0): \(s)" } ?? s
        case .number, .bool: return field.map { "\($0): \(json.displayText)" } ?? json.displayText
        case .null: return nil
        case let .array(items):
            let parts = items.compactMap { flatten($0) }
            if parts.isEmpty { return nil }
            let joined = parts.joined(separator: " ")
            return field.map { "\($0): \(joined)" } ?? joined
        case let .object(members):
            var parts: [String] = []
            for (key, value) in members {
                let name: String?
                switch key {
                case "detail", "non_field_errors", "__all__": name = field
                default: name = field.map { "\($0).\(key)" } ?? key
                }
                if let p = flatten(value, field: name) { parts.append(p) }
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// The same error with every occurrence of `secret` replaced, so a server that echoes the token cannot leak it.
    public func redacting(_ secret: String?) -> WaldurError {
        guard let secret, !secret.isEmpty else { return self }
        func clean(_ s: String) -> String { s.replacingOccurrences(of: secret, with: "<redacted>") }
        switch self {
        case let .http(status, message, retry): return .http(status: status, serverMessage: message.map(clean), retryAfter: retry)
        case let .transport(kind, detail): return .transport(kind, detail: clean(detail))
        case let .undecodable(e): return .undecodable(JSONDecodingError(path: clean(e.path), reason: clean(e.reason)))
        case let .configuration(text): return .configuration(clean(text))
        case .cancelled: return self
        }
    }
}

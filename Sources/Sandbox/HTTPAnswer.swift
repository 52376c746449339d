import WaldurClient

/// A response as the sandbox decides it, before Hummingbird writes it.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static let collectionAllow = "GET, POST, HEAD, OPTIONS"
    static let detailAllow = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"
    static let actionAllow = "POST, OPTIONS"
    static let readAllow = "GET, HEAD, OPTIONS"

    static func json(_ status: Int, _ value: JSONValue, allow: String? = nil) -> HTTPAnswer {
        var h = [("Content-Type", "application/json")]
        if let allow { h.append(("Allow", allow)) }
        var body: [UInt8] = []
        ByteJSONWriter.write(value, into: &body)
        return HTTPAnswer(status: status, headers: h, body: body)
    }

    /// `{"detail": "…"}`.
    static func detail(_ status: Int, _ text: String, allow: String? = nil) -> HTTPAnswer {
        json(status, .object([("detail", .string(text))]), allow: allow)
    }

    /// A DRF field map: `{"state": ["Select a valid choice. …"]}`.
    static func fields(_ errors: [(String, String)], allow: String? = nil) -> HTTPAnswer {
        json(400, .object(errors.map { ($0.0, .array([.string($0.1)])) }), allow: allow)
    }

    static func empty(_ status: Int, allow: String? = nil) -> HTTPAnswer {
        HTTPAnswer(status: status, headers: allow.map { [("Allow", $0)] } ?? [], body: [])
    }

    static func notFoundOrder(allow: String) -> HTTPAnswer { detail(404, "No Order matches the given query.", allow: allow) }
    static func forbidden(allow: String) -> HTTPAnswer { detail(403, "You do not have permission to perform this action.", allow: allow) }
    static func methodNotAllowed(_ method: String, allow: String) -> HTTPAnswer {
        detail(405, "Method \"\(method)\" not allowed.", allow: allow)
    }

    /// Django's HTML 404 for a path that no route matches.
    static func htmlNotFound(_ path: String) -> HTTPAnswer {
        var safe = ""
        for s in path.unicodeScalars.prefix(300) {
            switch s {
            case "<": safe += "&lt;"
            case ">": safe += "&gt;"
            case "&": safe += "&amp;"
            case "\"": safe += "&quot;"
            default: if s.value >= 0x20 && s.value != 0x7F { safe.unicodeScalars.append(s) }
            }
        }
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">\n  <title>Page not found at \(safe)</title>\n  <meta name=\"robots\" content=\"NONE,NOARCHIVE\">\n</head>\n<body>\n  <div id=\"summary\">\n    <h1>Page not found <span>(404)</span></h1>\n    <p>The current path, <code>\(safe)</code>, didn’t match any of these.</p>\n  </div>\n</body>\n</html>\n"
        return HTTPAnswer(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
    }
}

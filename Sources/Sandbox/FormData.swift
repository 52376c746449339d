import WaldurClient

/// A request body read the way DRF's parsers would: JSON, form-urlencoded or multipart.
enum FormData {
    case object([(String, JSONValue)])
    case files(MultipartBody)
    /// A body that is not an object: DRF's "Invalid data. Expected a dictionary, but got list."
    case notObject(String)

    /// The parsed body, or the 400/415 answer DRF would give.
    static func parse(_ req: SandboxRequest, allow: String) -> Result<FormData, HTTPAnswerBox> {
        let type = (req.contentType ?? "").lowercased()
        let media = type.split(separator: ";").first.map { $0.trimmed } ?? ""
        if req.body.isEmpty && !media.hasPrefix("multipart/") { return .success(.object([])) }
        if media.hasPrefix("multipart/form-data") {
            guard let b = MultipartBody.boundary(of: req.contentType ?? ""), let parts = MultipartBody(body: req.body, boundary: b) else {
                return .failure(HTTPAnswerBox(.detail(400, "Multipart form parse error - Invalid boundary in multipart: None", allow: allow)))
            }
            return .success(.files(parts))
        }
        if media == "application/x-www-form-urlencoded" {
            let q = QueryString(parsing: Substring(String(decoding: req.body, as: UTF8.self)))
            return .success(.object(q.items.map { ($0.0, .string($0.1)) }))
        }
        if media.isEmpty || media == "application/json" || media.hasSuffix("+json") {
            let value: JSONValue
            do { value = try JSONParser.parse(req.body) } catch {
                return .failure(HTTPAnswerBox(.detail(400, "JSON parse error - \(error.description)", allow: allow)))
            }
            switch value {
            case let .object(m): return .success(.object(m))
            case .array: return .success(.notObject("list"))
            case .string: return .success(.notObject("str"))
            case .number(let n): return .success(.notObject(n.contains(".") || n.contains("e") ? "float" : "int"))
            case .bool: return .success(.notObject("bool"))
            case .null: return .success(.notObject("NoneType"))
            }
        }
        return .failure(HTTPAnswerBox(.detail(415, "Unsupported media type \"\(req.contentType ?? "")\" in request.", allow: allow)))
    }

    /// The members as a map for the serializer; a non-object gives DRF's non_field_errors answer.
    func members(allow: String) -> Result<[(String, JSONValue)], HTTPAnswerBox> {
        switch self {
        case let .object(m): return .success(m)
        case let .files(parts): return .success(parts.parts.filter { $0.filename == nil }.map { ($0.name, .string(String(decoding: $0.data, as: UTF8.self))) })
        case let .notObject(kind):
            return .failure(HTTPAnswerBox(.json(400, .object([("non_field_errors", .array([.string("Invalid data. Expected a dictionary, but got \(kind).")]))]), allow: allow)))
        }
    }

    /// Python's type name for a JSON value, as DRF's messages use it.
    static func pythonType(_ v: JSONValue) -> String {
        switch v {
        case .null: return "NoneType"
        case .bool: return "bool"
        case let .number(n): return n.contains(".") || n.contains("e") || n.contains("E") ? "float" : "int"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}

extension Array where Element == (String, JSONValue) {
    /// The last member named `key`.
    func value(_ key: String) -> JSONValue? { last { $0.0 == key }?.1 }
}

/// The user a token belongs to (`GET /api/users/me/`): the staff flag decides staff-only actions such as unlink.
public struct CurrentUser: Sendable, Equatable {
    public var username: String
    public var fullName: String?
    public var isStaff: Bool
    public var isSupport: Bool

    public init(username: String, fullName: String? = nil, isStaff: Bool = false, isSupport: Bool = false) {
        self.username = username
        self.fullName = fullName
        self.isStaff = isStaff
        self.isSupport = isSupport
    }

    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case .object = json else { throw JSONDecodingError(path: "", reason: "expected a user object, got \(JSONRead.kind(json))") }
        guard let name = try json["username"].flatMap({ v throws(JSONDecodingError) in try JSONRead.string(v, "username") }) else {
            throw JSONDecodingError(path: "username", reason: "missing username")
        }
        username = name
        fullName = try json["full_name"].flatMap { v throws(JSONDecodingError) in try JSONRead.string(v, "full_name") }
        isStaff = try json["is_staff"].flatMap { v throws(JSONDecodingError) in try JSONRead.bool(v, "is_staff") } ?? false
        isSupport = try json["is_support"].flatMap { v throws(JSONDecodingError) in try JSONRead.bool(v, "is_support") } ?? false
    }
}

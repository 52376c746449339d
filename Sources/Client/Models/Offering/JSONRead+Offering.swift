import Foundation

/// Readers the offering model needs beyond the shared ones.
extension JSONRead {
    /// A free-form member: any JSON value, null read as nil.
    static func value(_ v: JSONValue) -> JSONValue? {
        // Spelled out: in `v.isNull ? nil : v` the literal would become JSONValue.null (it is ExpressibleByNilLiteral).
        if case .null = v { return Optional<JSONValue>.none }
        return .some(v)
    }

    /// A floating-point measure that is not money (coordinates); numbers or numeric strings.
    static func double(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> Double? {
        switch v {
        case .null: return nil
        case let .number(n):
            guard let d = Double(n) else { throw JSONDecodingError(path: key, reason: "number \(n.prefix(40)) is out of range") }
            return d
        case let .string(s):
            if s.isEmpty { return nil }
            guard let d = Double(s), d.isFinite else { throw JSONDecodingError(path: key, reason: "expected a number, got \"\(s.prefix(40))\"") }
            return d
        default: throw JSONDecodingError(path: key, reason: "expected a number, got \(kind(v))")
        }
    }

    /// The members of a nested object, with a reason naming what was expected.
    static func members(_ v: JSONValue, expected what: String) throws(JSONDecodingError) -> [(String, JSONValue)] {
        guard case let .object(members) = v else {
            throw JSONDecodingError(path: "", reason: "expected \(what) object, got \(kind(v))")
        }
        return members
    }
}

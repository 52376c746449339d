/// A success body that did not have the expected shape, naming the path of the field that failed (e.g. `[3].cost`).
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// The same error seen from one level up (`prefix` is a key or an `[index]`).
    public func under(_ prefix: String) -> JSONDecodingError {
        if path.isEmpty { return JSONDecodingError(path: prefix, reason: reason) }
        if path.hasPrefix("[") || prefix.isEmpty { return JSONDecodingError(path: prefix + path, reason: reason) }
        return JSONDecodingError(path: prefix + "." + path, reason: reason)
    }
}

/// Typed readers over `JSONValue` used by the model decoders; null reads as nil.
public enum JSONRead {
    public static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A string; numbers and booleans are accepted as their text (servers are not always strict).
    public static func string(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> String? {
        switch v {
        case .null: return nil
        case let .string(s): return s
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        default: throw JSONDecodingError(path: key, reason: "expected a string, got \(kind(v))")
        }
    }

    public static func bool(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> Bool? {
        switch v {
        case .null: return nil
        case let .bool(b): return b
        case let .string(s) where s == "true" || s == "false": return s == "true"
        default: throw JSONDecodingError(path: key, reason: "expected a boolean, got \(kind(v))")
        }
    }

    public static func int(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> Int? {
        switch v {
        case .null: return nil
        case let .number(n):
            if let i = Int(n) { return i }
            if let d = Double(n), d == d.rounded(), abs(d) < 9e15 { return Int(d) }
            throw JSONDecodingError(path: key, reason: "expected an integer, got \(n)")
        case let .string(s):
            if let i = Int(s) { return i }
            throw JSONDecodingError(path: key, reason: "expected an integer, got \"\(s.prefix(40))\"")
        default: throw JSONDecodingError(path: key, reason: "expected an integer, got \(kind(v))")
        }
    }

    public static func uuid(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> WaldurUUID? {
        guard let s = try string(v, key) else { return nil }
        return WaldurUUID(s)
    }

    /// Money from a decimal string or a JSON number, digits kept.
    public static func money(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> Money? {
        switch v {
        case .null: return nil
        case let .string(s):
            if s.isEmpty { return nil }
            guard let m = Money(text: s) else { throw JSONDecodingError(path: key, reason: "expected a decimal amount, got \"\(s.prefix(40))\"") }
            return m
        case let .number(n):
            guard let m = Money(text: n, wasNumber: true) else { throw JSONDecodingError(path: key, reason: "number \(n.prefix(40)) is out of range for an amount") }
            return m
        default: throw JSONDecodingError(path: key, reason: "expected a decimal amount, got \(kind(v))")
        }
    }

    public static func date(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> Date? {
        guard let s = try string(v, key) else { return nil }
        if s.isEmpty { return nil }
        guard let d = WaldurDate.parse(s) else { throw JSONDecodingError(path: key, reason: "expected an ISO 8601 timestamp, got \"\(s.prefix(40))\"") }
        return d
    }

    public static func array<T>(_ v: JSONValue, _ key: String, _ element: (JSONValue) throws(JSONDecodingError) -> T) throws(JSONDecodingError) -> [T]? {
        switch v {
        case .null: return nil
        case let .array(items):
            var out: [T] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                do { out.append(try element(item)) } catch { throw error.under("[\(i)]").under(key) }
            }
            return out
        default: throw JSONDecodingError(path: key, reason: "expected an array, got \(kind(v))")
        }
    }

    public static func object(_ v: JSONValue, _ key: String) throws(JSONDecodingError) -> [(String, JSONValue)]? {
        switch v {
        case .null: return nil
        case let .object(members): return members
        default: throw JSONDecodingError(path: key, reason: "expected an object, got \(kind(v))")
        }
    }
}

import Foundation

/// A JSON document kept exactly as it was sent: numbers keep their digits, objects keep their key order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as its literal text, so nothing passes through a binary float.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were sent (duplicate keys are kept; lookups take the last).
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.0 != y.0 || x.1 != y.1 { return false }
            return true
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(b): hasher.combine(1); hasher.combine(b)
        case let .number(n): hasher.combine(2); hasher.combine(n)
        case let .string(s): hasher.combine(3); hasher.combine(s)
        case let .array(a): hasher.combine(4); hasher.combine(a)
        case let .object(o):
            hasher.combine(5)
            for (k, v) in o { hasher.combine(k); hasher.combine(v) }
        }
    }

    /// The member named `key` of an object (the last one when a key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        guard case let .array(items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? { if case let .string(s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case let .bool(b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a } else { return nil } }
    public var objectValue: [(String, JSONValue)]? { if case let .object(o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The number as an integer when its text is one.
    public var intValue: Int? {
        if case let .number(n) = self { return Int(n) }
        return nil
    }

    /// A short human rendering: strings bare, everything else as compact JSON.
    public var displayText: String {
        if case let .string(s) = self { return s }
        return JSONWriter.string(self)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}

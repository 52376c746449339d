/// A Waldur UUID kept as the string the server sent; equal when the hex digits match, ignoring case and hyphens.
public struct WaldurUUID: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text as received.
    public let raw: String
    /// Lower-case hex digits without hyphens, the form Waldur renders.
    public let hex: String

    public init(_ raw: String) {
        self.raw = raw
        var out = ""
        out.reserveCapacity(32)
        for c in raw.unicodeScalars where c != "-" {
            out.unicodeScalars.append(c.properties.isUppercase ? (c.properties.lowercaseMapping.unicodeScalars.first ?? c) : c)
        }
        self.hex = out
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// True when the text is 32 hex digits, with or without the four hyphens.
    public var isWellFormed: Bool {
        hex.utf8.count == 32 && hex.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
            && (raw.utf8.count == 32 || raw.utf8.count == 36)
    }

    public static func == (a: WaldurUUID, b: WaldurUUID) -> Bool { a.hex == b.hex }
    public func hash(into hasher: inout Hasher) { hasher.combine(hex) }
    public static func < (a: WaldurUUID, b: WaldurUUID) -> Bool { a.hex < b.hex }
    public var description: String { hex }
}

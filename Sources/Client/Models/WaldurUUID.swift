/// A Waldur UUID kept as the string the server sent; equal when the hex digits match, ignoring case and hyphens.
public struct WaldurUUID: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text as received.
    public let raw: String
    /// Lower-case hex digits without hyphens, the form Waldur renders.
    public let hex: String

    public init(_ raw: String) {
        self.raw = raw
        // Fast path: the server's own form (lower-case, no hyphens) is kept as is.
        if raw.utf8.allSatisfy({ $0 != UInt8(ascii: "-") && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
            self.hex = raw
        } else {
            self.hex = raw.lowercased().replacingOccurrences(of: "-", with: "")
        }
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

import Foundation

/// An amount of money read from the wire (a decimal string or a JSON number) without passing through a binary float.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal
    /// The digits as they were sent, e.g. "9.0000000000" or "7.2".
    public let text: String
    /// Whether the server sent a JSON number rather than a string.
    public let wasNumber: Bool

    /// Reads a decimal literal; nil when `text` is not one.
    public init?(text: String, wasNumber: Bool = false) {
        guard Money.isDecimalLiteral(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        self.text = text
        self.wasNumber = wasNumber
    }

    /// An amount from a value; its text is the value's plain decimal form.
    public init(_ value: Decimal, wasNumber: Bool = false) {
        self.value = value
        self.text = value.description
        self.wasNumber = wasNumber
    }

    public static func == (a: Money, b: Money) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    public static func < (a: Money, b: Money) -> Bool { a.value < b.value }
    public var description: String { text }

    /// The wire form: a string for string-sent amounts, a number for number-sent ones.
    public var json: JSONValue { wasNumber ? .number(text) : .string(text) }

    /// The amount with `places` decimals (bankers' rounding not used: plain half-up), for display.
    public func formatted(places: Int = 2) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        var s = rounded.description
        if places > 0 {
            if let dot = s.firstIndex(of: ".") {
                let decimals = s.distance(from: s.index(after: dot), to: s.endIndex)
                if decimals < places { s += String(repeating: "0", count: places - decimals) }
            } else {
                s += "." + String(repeating: "0", count: places)
            }
        }
        return s
    }

    static func isDecimalLiteral(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        while i < b.count, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < b.count, isDigit(b[i]) { i += 1; expDigits += 1 }
            guard expDigits > 0, expDigits <= 3 else { return false }
        }
        return i == b.count && mantissaDigits <= 38
    }
}

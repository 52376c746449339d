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
        guard let value = Money.parse(text), !value.isNaN else { return nil }
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

    static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads a decimal literal exactly: up to 19 significant digits directly, longer ones through Foundation's parser.
    static func parse(_ text: String) -> Decimal? {
        guard isDecimalLiteral(text) else { return nil }
        var negative = false
        var significand: UInt64 = 0
        var digits = 0
        var exponent = 0
        var afterDot = false
        var expValue = 0
        var expNegative = false
        var inExponent = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "-"): expNegative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): afterDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default:
                let d = UInt64(b - UInt8(ascii: "0"))
                if inExponent {
                    expValue = expValue * 10 + Int(d)
                } else {
                    if digits >= 19 { return Decimal(string: text, locale: posix) }
                    if significand > 0 || d > 0 { digits += 1 }
                    significand = significand * 10 + d
                    if afterDot { exponent -= 1 }
                }
            }
        }
        exponent += expNegative ? -expValue : expValue
        guard exponent > -128, exponent < 127 else { return Decimal(string: text, locale: posix) }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
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

import Foundation

/// Renders amounts the way Waldur does: `cost` as a string with ten decimals, estimates as JSON numbers.
enum MoneyText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `"9.0000000000"`.
    static func tenPlaces(_ value: Decimal) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 10, .plain)
        var s = rounded.description
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: s.index(after: dot), to: s.endIndex)
            if decimals < 10 { s += String(repeating: "0", count: 10 - decimals) }
        } else {
            s += ".0000000000"
        }
        return s
    }

    /// A Python-float-like number literal: `7.2`, `9.0`, `0.0`.
    static func floatLiteral(_ value: Decimal) -> String {
        let s = value.description
        return s.contains(".") ? s : s + ".0"
    }

    /// Zero as the integer `0`, anything else as a float literal (as the recorded `fixed_price`).
    static func priceLiteral(_ value: Decimal) -> String { value == 0 ? "0" : floatLiteral(value) }

    /// A decimal from a literal such as "2.5".
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: posix) ?? 0 }
}

import Foundation
import WaldurClient

/// The one rule for showing money: amounts are rounded to the cent everywhere (the list, the detail, the plan
/// change); where the server's amount has more digits than that, the detail adds the exact value after it, so
/// `501.02` in the list reads `501.02 (exactly 501.016)` in the detail.
public enum AmountText {
    /// `501.02`: the amount to the cent (what the list shows).
    public static func cents(_ value: Decimal) -> String { Money(value).formatted(places: 2) }

    /// `501.02 (exactly 501.016)`, or just `9.00` when the cents are the whole amount.
    public static func withExact(_ value: Decimal) -> String {
        let rounded = cents(value)
        guard Money(text: rounded)?.value != value else { return rounded }
        return "\(rounded) (exactly \(exact(value)))"
    }

    /// The exact amount in plain decimal form, without trailing zeros past the cents: `501.016`, `0.0125`.
    public static func exact(_ value: Decimal) -> String {
        var text = Money(value).formatted(places: 10)
        if text.contains(".") {
            while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 { text.removeLast() }
        }
        return text
    }
}

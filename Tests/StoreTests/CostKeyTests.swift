import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The cost key read from a cost's text equals the one computed from its decimal, and other forms are left to the
/// decimal.
@Suite struct CostKeyTests {
    @Test func keyFromTheTextEqualsTheKeyFromTheDecimal() throws {
        var random = TestRandom(21)
        var texts = ["0", "-0", "0.0", "7", "7.2", "-7.2", "9.0000000000", "0.0000000001", "-0.0000000001", "99999999.9999999999",
                     "-99999999.9999999999", "12345678", "00000001.5", "100.10"]
        for _ in 0..<2_000 {
            let whole = Int.random(in: 0..<100_000_000, using: &random)
            let places = Int.random(in: 0...10, using: &random)
            let fraction = (0..<places).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            texts.append((Bool.random(using: &random) ? "-" : "") + "\(whole)" + (places > 0 ? ".\(fraction)" : ""))
        }
        for text in texts {
            let money = try #require(Money(text: text), "\(text)")
            #expect(OrderRow.scaledKey(text: text) == OrderRow.scaledKey(money.value), "\(text)")
        }
    }

    @Test func otherFormsAreLeftToTheDecimal() {
        for text in ["1e5", "1.", ".5", "+1", "-", "", "123456789", "1.00000000000", "1.5x", "1,5", "--1", " 1", "123456789012345678901234567890.5"] {
            #expect(OrderRow.scaledKey(text: text) == nil, "\(text)")
        }
    }

    @Test func aRowKeepsTheExactKeyOfItsCost() throws {
        var pool = StringPool()
        var order = Order(uuid: WaldurUUID(hex(1)))
        order.cost = try #require(Money(text: "-12.3400000001"))
        #expect(OrderRow(order, pool: &pool).costKey == -123_400_000_001)
        order.cost = try #require(Money(text: "1e3"))
        #expect(OrderRow(order, pool: &pool).costKey == 10_000_000_000_000)
    }
}

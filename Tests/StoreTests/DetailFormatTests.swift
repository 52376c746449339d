import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The detail's money, plan-change and multi-line rules (issue 12).
@Suite struct DetailFormatTests {
    func order(_ json: String) throws -> Order { try Order(json: try JSONParser.parse(Array(json.utf8))) }

    func lines(_ vm: DetailViewModel, _ role: DetailViewModel.Role) -> [DetailViewModel.Line] {
        vm.sections.flatMap(\.lines).filter { $0.role == role }
    }

    @Test func moneyIsToTheCentEverywhereAndTheDetailAddsTheExactAmount() throws {
        let o = try order(#"{"uuid": "4278138285d74be296b375f7095bbd01", "state": "done", "cost": "501.0160000000", "plan_unit": "month", "fixed_price": 7.2}"#)
        // The list rounds to the cent…
        var s = AppState(configuration: StoreConfiguration(), now: Date(timeIntervalSince1970: 1_795_000_000))
        _ = s.merge([o], purpose: nil, flagChanges: false)
        #expect(s.row(for: o.uuid)?.cost == "501.02")
        // …and the detail starts with the same text, then says the exact amount.
        let money = lines(DetailBuilder.build(o), .money)
        #expect(money.first { $0.key == "cost" }?.text == "501.02 (exactly 501.016) per month")
        #expect(money.first { $0.key == "fixed price" }?.text == "7.20")
        #expect(AmountText.withExact(Decimal(string: "9.0000000000") ?? 0) == "9.00")
        #expect(AmountText.withExact(Decimal(string: "0.0125") ?? 0) == "0.01 (exactly 0.0125)")
        #expect(AmountText.cents(Decimal(string: "501.016") ?? 0) == "501.02")
    }

    @Test func aLimitOnlyUpdateShowsThePlanUnchangedAndOnlyChangedLimits() throws {
        // As the real server sends it (fixtures waldur-2024-10, list_type_update.json): no old_plan_* keys.
        let o = try order("""
        {"uuid": "4278138285d74be296b375f7095bbd02", "type": "Update", "state": "pending-consumer", "plan_name": "Default",
         "new_plan_name": "Default", "old_cost_estimate": 9.0, "new_cost_estimate": 36.0,
         "limits": {"cpu": 8, "ram": 4, "space": 2}, "attributes": {"old_limits": {"cpu": 2, "ram": 4}}}
        """)
        let change = lines(DetailBuilder.build(o), .planChange).map { "\($0.key ?? ""): \($0.text)" }
        #expect(change.contains("plan: Default (unchanged)"))
        #expect(!change.contains { $0.contains("?") }, "\(change)")
        #expect(change.contains("limit cpu: 2 → 8"))
        #expect(change.contains("limit space: 2 (new)"))
        #expect(!change.contains { $0.hasPrefix("limit ram") }, "an unchanged limit is left out")
    }

    @Test func aPlanSwitchStillShowsOldToNew() throws {
        let o = try order(#"{"uuid": "4278138285d74be296b375f7095bbd03", "type": "Update", "old_plan_name": "Large", "new_plan_name": "Small", "plan_name": "Small"}"#)
        #expect(lines(DetailBuilder.build(o), .planChange).first?.text == "Large → Small")
    }

    @Test func aMultiLineCommentCarriesItsLabelOnce() throws {
        var o = try order(#"{"uuid": "4278138285d74be296b375f7095bbd04", "state": "done"}"#)
        o.requestComment = "first\nsecond\nthird"
        let comment = lines(DetailBuilder.build(o), .comment)
        #expect(comment.map(\.key) == ["request comment", "", ""])
        #expect(comment.map(\.text) == ["first", "second", "third"])
    }
}

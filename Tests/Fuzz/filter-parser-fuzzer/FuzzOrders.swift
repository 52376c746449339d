import Foundation
import OrderStore
import WaldurClient

/// A fixed, varied set of orders for the filter fuzzer: every state and type (and unknown ones), odd and hostile
/// names, irregular uuids, missing fields, exotic amounts and dates.
enum FuzzOrders {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static let names: [String?] = [
        "Basic VM", "Ćlient Ωrg", "STRASSE straße", "Ｆｕｌｌ width", "e\u{301}cole", "école", "\u{1B}]0;pwned\u{07}x",
        "\u{202E}evil\u{202C}", "a\u{200D}b", "👩‍👩‍👧 family", "日本語プロジェクト", "", nil, "\"quoted\" -neg", "cost>5",
        "state:done", "12", "0123abcd", "3c6e0b8a-9c0c-4a3b-8d1e-5f2a7b9c1d2e", "İstanbul", "ﬁle", "\u{0}nul", "Ǆemal",
        "가나다", "\u{1100}\u{1161}", "Ⅻ roman",
    ]
    static let uuids = [
        "0123abcd00000000000000000000abcd", "3C6E0B8A-9C0C-4A3B-8D1E-5F2A7B9C1D2E", "3c6e0b8a9c0c4a3b8d1e5f2a7b9c1d2f",
        "not-a-uuid", "12", "ffffffffffffffffffffffffffffffff", "00000000000000000000000000000000", "ÉÉ", "x y",
    ]
    static let costs: [Money?] = [
        Money(text: "9.0000000000"), Money(text: "0"), Money(text: "-1.5"), nil, Money(text: "1e3", wasNumber: true),
        Money(text: "12345678901234567890.5"), Money(text: "0.00000000001"), Money(text: "7.2", wasNumber: true),
        Money(text: "99999999999999999999999999999999999999"), Money(text: "5"),
    ]
    static let dates: [Date?] = [
        now.addingTimeInterval(-60), now.addingTimeInterval(-7200), now.addingTimeInterval(-90 * 86400), nil,
        now.addingTimeInterval(3600), Date(timeIntervalSince1970: -62_135_596_800), WaldurDate.parse("9999-12-31T23:59:59Z"),
        WaldurDate.parse("2026-11-01"), now,
    ]
    static let states: [OrderState?] = OrderState.known + [.unknown("frozen"), .unknown(""), nil]
    static let types: [OrderType?] = OrderType.known + [.unknown("Migrate"), nil]

    static func pick<T>(_ list: [T], _ n: Int, _ salt: Int) -> T { list[(n &* 7 &+ salt &* 13) % list.count] }

    static let orders: [Order] = (0..<48).map { n in
        let raw = n < uuids.count ? uuids[n] : String(format: "%032x", n * 0x1_0001)
        var o = Order(uuid: WaldurUUID(raw))
        o.state = pick(states, n, 0)
        o.type = pick(types, n, 1)
        o.offeringName = pick(names, n, 2)
        o.offeringUUID = n % 3 == 0 ? WaldurUUID(pick(uuids, n, 3)) : nil
        o.offeringType = pick(["Marketplace.Basic", "SLURM.Invoices", "", "OpenStack.Tenant"], n, 4)
        o.planName = pick(names, n, 5)
        o.projectName = pick(names, n, 6)
        o.projectUUID = n % 2 == 0 ? WaldurUUID(pick(uuids, n, 7)) : nil
        o.customerName = pick(names, n, 8)
        o.customerUUID = n % 4 == 1 ? WaldurUUID(pick(uuids, n, 9)) : nil
        o.providerName = pick(names, n, 10)
        o.providerUUID = n % 5 == 2 ? WaldurUUID(pick(uuids, n, 11)) : nil
        o.resourceName = pick(names, n, 12)
        o.createdByUsername = pick(names, n, 13)
        o.createdByFullName = pick(names, n, 14)
        o.consumerReviewedBy = pick(names, n, 15)
        o.providerReviewedByFullName = pick(names, n, 16)
        o.cost = pick(costs, n, 17)
        o.created = pick(dates, n, 18)
        o.modified = pick(dates, n, 19)
        return o
    }

    /// A user queue per kind of term, so custom queue membership is exercised too.
    static let userQueues: [(name: String, filter: String)] = [
        ("Big", "cost>=5 -state:done"), ("Recent", "age<3d"), ("Unicode", "ecole"), ("Broken", "state:nonsense"),
    ]

    /// The store after a complete first load of `orders` (and the needs-me lists).
    static let loadedState: AppState = {
        var state = AppState(configuration: StoreConfiguration(username: "carol", userQueues: userQueues), now: now)
        _ = reduce(&state, .start(now: now))
        for effect in reduce(&state, .persistedSortLoaded(nil)) {
            guard case let .load(request) = effect else { continue }
            let list: [Order]
            switch request.purpose {
            case .full: list = orders
            case .needsMeConsumer: list = orders.filter { $0.state == .pendingConsumer }
            case .needsMeProvider: list = orders.filter { $0.state == .pendingProvider }.prefix(2).map { $0 }
            case .poll, .uuidSweep: list = []
            }
            _ = reduce(&state, .pageLoaded(id: request.id, orders: list, totalCount: list.count))
            _ = reduce(&state, .loadFinished(id: request.id))
        }
        return state
    }()
}

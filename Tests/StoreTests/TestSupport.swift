import Foundation
import Testing
import WaldurClient
import WaldurSandbox
@testable import OrderStore

/// A fixed "now" for reducer tests: 2026-11-26T12:00:00Z.
let testNow = WaldurDate.parse("2026-11-26T12:00:00Z") ?? Date(timeIntervalSince1970: 1_795_000_000)

func hex(_ n: Int) -> String { String(format: "%032x", n) }

/// An order with sensible defaults; every field can be overridden.
func makeOrder(_ n: Int, state: OrderState = .pendingConsumer, type: OrderType = .create,
               offering: String = "Basic VM", offeringType: String = "Marketplace.Basic",
               project: String = "Project A", customer: String = "Consumer Org", provider: String = "Provider Org",
               resource: String? = nil, creator: String = "carol", cost: String? = "10.0000000000",
               created: Date? = nil, modified: Date? = nil, plan: String = "Small") -> Order {
    var o = Order(uuid: WaldurUUID(hex(n)))
    o.state = state
    o.type = type
    o.offeringName = offering
    o.offeringType = offeringType
    o.projectName = project
    o.customerName = customer
    o.providerName = provider
    o.resourceName = resource ?? "res-\(n)"
    o.createdByUsername = creator
    o.planName = plan
    o.cost = cost.flatMap { Money(text: $0) }
    o.created = created ?? testNow.addingTimeInterval(TimeInterval(-3600 * n))
    o.modified = modified ?? o.created
    return o
}

/// Runs the reducer through start, sort loading and a complete first load of `orders` (and the two needs-me lists).
func loadedState(_ orders: [Order], needsMeConsumer: [Order] = [], needsMeProvider: [Order] = [],
                 configuration: StoreConfiguration = StoreConfiguration(), sort: OrderSort? = nil) -> AppState {
    var state = AppState(configuration: configuration, now: testNow)
    _ = reduce(&state, .start(now: testNow))
    let effects = reduce(&state, .persistedSortLoaded(sort))
    finishLoads(&state, effects, full: orders, needsMeConsumer: needsMeConsumer, needsMeProvider: needsMeProvider)
    return state
}

/// Answers every load effect in `effects` with the given lists (one page each).
func finishLoads(_ state: inout AppState, _ effects: [Effect], full: [Order], needsMeConsumer: [Order] = [], needsMeProvider: [Order] = [],
                 poll: [Order] = []) {
    for effect in effects {
        guard case let .load(request) = effect else { continue }
        let orders: [Order]
        switch request.purpose {
        case .full: orders = full
        case .needsMeConsumer: orders = needsMeConsumer
        case .needsMeProvider: orders = needsMeProvider
        case .poll: orders = poll
        case .uuidSweep: orders = full
        }
        _ = reduce(&state, .pageLoaded(id: request.id, orders: orders, totalCount: orders.count))
        let after = reduce(&state, .loadFinished(id: request.id))
        // A poll that brought orders is followed by the "Needs me" queries for the same interval: answer them too.
        if request.purpose == .poll {
            let followUps = after.filter { if case let .load(r) = $0 { return r.purpose != .poll } else { return false } }
            finishLoads(&state, followUps, full: full, needsMeConsumer: needsMeConsumer, needsMeProvider: needsMeProvider)
        }
    }
}

func loads(_ effects: [Effect]) -> [LoadRequest] {
    effects.compactMap { if case let .load(r) = $0 { return r } else { return nil } }
}

extension AppState {
    /// The visible uuids' numbers (hex → Int), in display order.
    var visibleNumbers: [Int] { (0..<visibleCount).compactMap { visibleRow(at: $0).flatMap { Int($0.uuid.hex, radix: 16) } } }
    var selectedNumber: Int? { selectedUUID.flatMap { Int($0.hex, radix: 16) } }
    func count(of name: String) -> Int? { queues.firstIndex { $0.name == name }.map { queueCounts[$0] } }
    func queueIndex(_ name: String) -> Int { queues.firstIndex { $0.name == name } ?? -1 }
}

func uuid(_ n: Int) -> WaldurUUID { WaldurUUID(hex(n)) }

/// A client of the sandbox signed in as the user of `role`.
func client(_ sandbox: RunningSandbox, role: String) throws -> WaldurClient {
    let user = try #require(sandbox.user(role: role))
    return WaldurClient(configuration: ClientConfiguration(apiRoot: sandbox.url, token: APIToken(user.token)))
}

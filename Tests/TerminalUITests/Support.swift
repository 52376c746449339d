import Foundation
import OrderStore
@testable import TerminalUI
import WaldurClient

/// Builds store states the way the store itself does: by reducing actions, with orders arriving as a loaded page.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func uuid(_ n: Int) -> WaldurUUID {
        WaldurUUID(String(format: "%08x", n) + "000040008000" + String(format: "%012x", n))
    }

    static func order(_ n: Int, state: OrderState = .pendingConsumer, offering: String = "Basic VM", project: String = "Project",
                      customer: String = "Customer Org", type: OrderType = .create, cost: String = "12.5000000000",
                      offeringType: String = "Marketplace.Basic", ageSeconds: Double = 3600) -> Order {
        var o = Order(uuid: uuid(n))
        o.state = state
        o.type = type
        o.offeringName = offering
        o.offeringType = offeringType
        o.projectName = project
        o.customerName = customer
        o.providerName = "Provider Inc"
        o.planName = "Small"
        o.cost = Money(text: cost)
        o.created = now.addingTimeInterval(-ageSeconds - Double(n))
        o.modified = o.created
        o.createdByUsername = "alice"
        return o
    }

    /// A state after `.start` with `orders` loaded by the full load and `needsMe` by the consumer "Needs me" query.
    static func state(_ orders: [Order], needsMe: [Order] = [], configuration: StoreConfiguration = StoreConfiguration(isStaff: true, refreshInterval: 10)) -> AppState {
        var s = AppState(configuration: configuration, now: now)
        _ = reduce(&s, .start(now: now))
        let effects = reduce(&s, .persistedSortLoaded(nil))
        var loads: [LoadRequest] = []
        for case let .load(request) in effects { loads.append(request) }
        for request in loads {
            switch request.purpose {
            case .full:
                _ = reduce(&s, .pageLoaded(id: request.id, orders: orders, totalCount: orders.count))
            case .needsMeConsumer:
                _ = reduce(&s, .pageLoaded(id: request.id, orders: needsMe, totalCount: needsMe.count))
            default:
                _ = reduce(&s, .pageLoaded(id: request.id, orders: [], totalCount: 0))
            }
            _ = reduce(&s, .loadFinished(id: request.id))
        }
        return s
    }

    /// Applies actions in order.
    static func apply(_ state: inout AppState, _ actions: AppAction...) {
        for a in actions { _ = reduce(&state, a) }
    }

    /// A renderer (read-only mode is the state's configuration, not the renderer's).
    static func renderer(keyMap: KeyMap = .defaults, charset: Charset = .unicode) -> ScreenRenderer {
        ScreenRenderer(context: ScreenContext(serverHost: "waldur.example.org", user: "alice", keyMap: keyMap, charset: charset))
    }

    static func orders(_ count: Int) -> [Order] {
        (1...count).map { n in
            let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .done, .erred]
            return order(n, state: states[n % states.count], offering: "Offering \(n)", project: "Project \(n % 7)")
        }
    }
}

/// The raw scalars no frame may contain: C0 (but nothing is allowed), DEL, C1, bidi controls.
func containsUnsafeScalar(_ text: String) -> Bool {
    text.unicodeScalars.contains { s in
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF
    }
}

extension CellGrid {
    /// Every cell's text concatenated (right halves of wide characters are empty).
    var allText: String { cells.map(\.text).joined() }
}

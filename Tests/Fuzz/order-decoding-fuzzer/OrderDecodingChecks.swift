import Foundation
import FuzzSupport
import WaldurClient

/// The invariants the order decoding fuzzer checks for one input. Anything may be rejected with an error; nothing may
/// trap, and whatever decodes must survive being written and read again unchanged.
enum OrderDecodingChecks {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch {
            fuzzRequire(error.offset >= 0 && error.offset <= bytes.count, "syntax error offset \(error.offset) outside 0...\(bytes.count)")
            return
        }
        checkWriterRoundTrip(value)
        checkOrders(value)
        checkOffering(value)
        if case let .array(items) = value {
            for item in items.prefix(8) { checkOffering(item) }
        }
    }

    /// parse(write(v)) == v, and writing is stable.
    static func checkWriterRoundTrip(_ value: JSONValue) {
        let text = JSONWriter.string(value)
        let again: JSONValue
        do { again = try JSONParser.parse(text) } catch {
            fatalError("writer output does not parse (\(error)): \(text.prefix(300))")
        }
        fuzzRequire(again == value, "parse(write(v)) != v for \(text.prefix(300))")
        fuzzRequire(JSONWriter.string(again) == text, "writing is not stable for \(text.prefix(300))")
        fuzzRequire(JSONWriter.bytes(value) == Array(text.utf8), "bytes(v) differs from string(v)")
    }

    static func checkOrders(_ value: JSONValue) {
        if let order = try? Order(json: value) { checkOrder(order) }
        guard case let .array(items) = value else {
            fuzzRequire((try? Order.list(json: value)) == nil, "Order.list accepted a non-array")
            return
        }
        do {
            let orders = try Order.list(json: value)
            fuzzRequire(orders.count == items.count, "Order.list returned \(orders.count) orders for \(items.count) items")
            for (i, order) in orders.enumerated() {
                fuzzRequire((try? Order(json: items[i])) == order, "Order.list element \(i) differs from Order(json:)")
                checkOrder(order)
            }
        } catch {
            // The error names the first failing element, and that element alone fails the same way.
            fuzzRequire(error.path.hasPrefix("["), "list error without an index: \(error)")
            let index = Int(error.path.dropFirst().prefix { $0 != "]" }) ?? -1
            fuzzRequire(items.indices.contains(index), "list error names index \(index) of \(items.count): \(error)")
            for item in items[..<index] { fuzzRequire((try? Order(json: item)) != nil, "an element before \(index) fails too") }
            do {
                _ = try Order(json: items[index])
                fatalError("element \(index) decodes alone but fails in the list: \(error)")
            } catch let single {
                fuzzRequire(single.under("[\(index)]") == error, "list error \(error) is not element error \(single)")
            }
        }
    }

    /// A decoded order encodes to JSON that decodes to the same encoding (dates at microseconds, money digits kept).
    static func checkOrder(_ order: Order) {
        let json = order.json
        let back: Order
        do { back = try Order(json: json) } catch {
            fatalError("Order(json: order.json) fails: \(error) for \(JSONWriter.string(json).prefix(400))")
        }
        fuzzRequire(back.json == json, "order.json is not a fixed point: \(JSONWriter.string(json).prefix(400)) vs \(JSONWriter.string(back.json).prefix(400))")
        fuzzRequire(back.uuid == order.uuid && back.uuid.raw == order.uuid.raw, "uuid changed: \(order.uuid.raw) → \(back.uuid.raw)")
        for (a, b) in [(order.cost, back.cost), (order.oldCostEstimate, back.oldCostEstimate), (order.newCostEstimate, back.newCostEstimate),
                       (order.fixedPrice, back.fixedPrice), (order.activationPrice, back.activationPrice)] {
            fuzzRequire(a?.text == b?.text && a?.wasNumber == b?.wasNumber && a == b, "money changed: \(String(describing: a)) → \(String(describing: b))")
            if let a { _ = a.formatted(); _ = a.formatted(places: 0) }
        }
        for (a, b) in [(order.created, back.created), (order.modified, back.modified), (order.completedAt, back.completedAt),
                       (order.consumerReviewedAt, back.consumerReviewedAt), (order.providerReviewedAt, back.providerReviewedAt)] {
            guard let a, let b else {
                fuzzRequire(a == nil && b == nil, "a date was lost")
                continue
            }
            fuzzRequire(abs(a.timeIntervalSince(b)) <= 1e-6 * max(1, abs(a.timeIntervalSince1970) / 1e9), "date moved: \(WaldurDate.format(a)) → \(WaldurDate.format(b))")
            _ = WaldurDate.formatDay(a)
        }
        fuzzRequire(back.state?.wire == order.state?.wire && back.type?.wire == order.type?.wire, "state or type changed")
        fuzzRequire(back.extraFields.count == order.extraFields.count, "extra fields changed")
        _ = order.state?.isPending
        _ = order.state?.isTerminal
        _ = order.uuid.isWellFormed
    }

    static func checkOffering(_ value: JSONValue) {
        guard let offering = try? Offering(json: value) else { return }
        _ = offering.stateText
        for component in offering.components ?? [] {
            if let type = component.type { _ = offering.component(ofType: type) }
        }
        for plan in offering.plans ?? [] {
            for component in offering.components ?? [] {
                guard let type = component.type else { continue }
                _ = plan.price(of: type)?.formatted()
                _ = plan.futurePrice(of: type)
                _ = plan.quota(of: type)
            }
            _ = plan.unitPrice?.formatted()
        }
    }
}

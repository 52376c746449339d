import Foundation
import WaldurClient

/// The compact list form of one loaded order (what a trimmed list load carries). Trivially copyable:
/// names are ids into the state's `StringPool`, the uuid is 128 bits, dates are seconds since 1970 (NaN when absent).
struct OrderRow: Sendable, Equatable {
    var key: RowKey
    /// Index in `OrderState.known`, or `OrderRow.unknownCode` (then `stateWire` names it).
    var stateCode: UInt8
    /// Index in `OrderType.known`, `unknownCode` (then `typeWire`), or `absentCode`.
    var typeCode: UInt8
    var flags: UInt8 = 0
    var stateWire: UInt32 = 0
    var typeWire: UInt32 = 0
    /// Pool id of the uuid text when it is not a well-formed hex uuid.
    var irregularUUID: UInt32 = 0
    var offering: UInt32 = 0
    var offeringType: UInt32 = 0
    var offeringUUID: UInt32 = 0
    var plan: UInt32 = 0
    var project: UInt32 = 0
    var projectUUID: UInt32 = 0
    var customer: UInt32 = 0
    var customerUUID: UInt32 = 0
    var provider: UInt32 = 0
    var providerUUID: UInt32 = 0
    var resource: UInt32 = 0
    var creator: UInt32 = 0
    var creatorName: UInt32 = 0
    var consumerReviewer: UInt32 = 0
    var providerReviewer: UInt32 = 0
    /// The error message's first line (erred orders; the list's Error column).
    var errorMessage: UInt32 = 0
    var backendID: UInt32 = 0
    /// The exact cost.
    var cost: Decimal?
    /// The cost in units of 1e-10 when that is exact, else `Int64.min` (compare via `cost` then).
    var costKey: Int64 = Int64.min
    var created: Double = .nan
    var modified: Double = .nan
    var consumerReviewedAt: Double = .nan
    var providerReviewedAt: Double = .nan
    /// When the new/changed highlight was set (seconds since 1970; NaN when none): it clears after a minute.
    var highlightedAt: Double = .nan

    /// Equal field by field, absent dates (NaN) equal to each other.
    func isSame(as other: OrderRow) -> Bool {
        func settled(_ r: OrderRow) -> OrderRow {
            var r = r
            for path in [\OrderRow.created, \.modified, \.consumerReviewedAt, \.providerReviewedAt, \.highlightedAt] where r[keyPath: path].isNaN {
                r[keyPath: path] = -.infinity
            }
            return r
        }
        return settled(self) == settled(other)
    }

    static let unknownCode: UInt8 = 254
    static let absentCode: UInt8 = 255
    static let pendingConsumerCode = UInt8(OrderState.known.firstIndex(of: .pendingConsumer) ?? 0)
    static let pendingProviderCode = UInt8(OrderState.known.firstIndex(of: .pendingProvider) ?? 1)

    static let needsMeConsumerFlag: UInt8 = 1
    static let needsMeProviderFlag: UInt8 = 2
    static let newFlag: UInt8 = 4
    static let changedFlag: UInt8 = 8

    /// The fields a list load asks for (`field=`).
    static let listFields = ListFields.names

    /// Builds the row of `order`, interning its names into `pool`.
    init(_ order: Order, pool: inout StringPool) {
        key = RowKey(order.uuid)
        if key.irregular { irregularUUID = pool.intern(order.uuid.hex) }
        let state = order.state ?? .unknown("")
        if let i = OrderState.known.firstIndex(of: state) { stateCode = UInt8(i) } else {
            stateCode = OrderRow.unknownCode
            stateWire = pool.intern(state.wire)
        }
        if let type = order.type {
            if let i = OrderType.known.firstIndex(of: type) { typeCode = UInt8(i) } else {
                typeCode = OrderRow.unknownCode
                typeWire = pool.intern(type.wire)
            }
        } else {
            typeCode = OrderRow.absentCode
        }
        offering = pool.intern(order.offeringName)
        offeringType = pool.intern(order.offeringType)
        offeringUUID = pool.intern(order.offeringUUID?.hex)
        plan = pool.intern(order.planName)
        project = pool.intern(order.projectName)
        projectUUID = pool.intern(order.projectUUID?.hex)
        customer = pool.intern(order.customerName)
        customerUUID = pool.intern(order.customerUUID?.hex)
        provider = pool.intern(order.providerName)
        providerUUID = pool.intern(order.providerUUID?.hex)
        resource = pool.intern(order.resourceName)
        creator = pool.intern(OrderRow.nonEmpty(order.createdByUsername) ?? order.createdBy)
        creatorName = pool.intern(order.createdByFullName)
        consumerReviewer = pool.intern(OrderRow.nonEmpty(order.consumerReviewedByUsername) ?? OrderRow.nonEmpty(order.consumerReviewedBy) ?? order.consumerReviewedByFullName)
        providerReviewer = pool.intern(OrderRow.nonEmpty(order.providerReviewedByUsername) ?? OrderRow.nonEmpty(order.providerReviewedBy) ?? order.providerReviewedByFullName)
        errorMessage = pool.intern(OrderRow.firstLine(order.errorMessage))
        backendID = pool.intern(order.backendID)
        cost = order.cost?.value
        costKey = order.cost.map { OrderRow.scaledKey(text: $0.text) ?? OrderRow.scaledKey($0.value) } ?? Int64.min
        created = order.created?.timeIntervalSince1970 ?? .nan
        modified = order.modified?.timeIntervalSince1970 ?? .nan
        consumerReviewedAt = order.consumerReviewedAt?.timeIntervalSince1970 ?? .nan
        providerReviewedAt = order.providerReviewedAt?.timeIntervalSince1970 ?? .nan
    }

    static func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }

    /// The first non-blank line of a multi-line text (at most 1 KB of it), nil when there is none.
    static func firstLine(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        let head = s.utf8.count > 4096 ? TextFolding.clipped(s, maxBytes: 1024) : s
        return head.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
    }

    func state(_ pool: StringPool) -> OrderState {
        Int(stateCode) < OrderState.known.count ? OrderState.known[Int(stateCode)] : .unknown(pool[stateWire])
    }

    func type(_ pool: StringPool) -> OrderType? {
        if typeCode == OrderRow.absentCode { return nil }
        return Int(typeCode) < OrderType.known.count ? OrderType.known[Int(typeCode)] : .unknown(pool[typeWire])
    }

    func uuid(_ pool: StringPool) -> WaldurUUID { WaldurUUID(key.irregular ? pool[irregularUUID] : key.hex) }

    var needsMeConsumer: Bool { flags & OrderRow.needsMeConsumerFlag != 0 }
    var needsMeProvider: Bool { flags & OrderRow.needsMeProviderFlag != 0 }
    /// Arrived since the last highlight clear (not in the first load).
    var isNew: Bool { flags & OrderRow.newFlag != 0 }
    /// Changed by a refresh since the last highlight clear.
    var isChanged: Bool { flags & OrderRow.changedFlag != 0 }
    var isPending: Bool { OrderRow.pendingMembership.contains(hot: stateCode < 15 ? stateCode : 15) }
    static let pendingMembership = QueueMembership(Queue.rule(of: .pending))

    /// The compact code of a known state (its position in `OrderState.known`); nil for unknown ones.
    static func code(of state: OrderState) -> UInt8? {
        OrderState.known.firstIndex(of: state).map { UInt8($0) }
    }

    /// In the "Needs me" queue: approvable now by this user on the side its state asks for.
    var inNeedsMe: Bool {
        (needsMeConsumer && stateCode == OrderRow.pendingConsumerCode) || (needsMeProvider && stateCode == OrderRow.pendingProviderCode)
    }

    /// The decimal scaled by 10^10 when exactly representable in an Int64, else Int64.min.
    static func scaledKey(_ value: Decimal) -> Int64 {
        var scaled = value * Decimal(sign: .plus, exponent: 10, significand: 1)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, rounded < Decimal(Int64.max / 2), rounded > Decimal(Int64.min / 2) else { return Int64.min }
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// `scaledKey` read straight from a plain decimal text (an optional "-", up to 8 digits, optionally "." and 1 to
    /// 10 digits); nil for any other form, which the decimal then decides.
    static func scaledKey(text: String) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            var i = 0
            let negative = b.first == UInt8(ascii: "-")
            if negative { i = 1 }
            var whole: Int64 = 0, digits = 0
            while i < b.count, b[i] &- 48 < 10, digits <= 8 {
                whole = whole * 10 + Int64(b[i] &- 48)
                digits += 1
                i += 1
            }
            guard digits > 0, digits <= 8 else { return nil }
            var fraction: Int64 = 0, places = 0
            if i < b.count {
                guard b[i] == UInt8(ascii: "."), i + 1 < b.count else { return nil }
                i += 1
                while i < b.count, b[i] &- 48 < 10, places < 10 {
                    fraction = fraction * 10 + Int64(b[i] &- 48)
                    places += 1
                    i += 1
                }
                guard i == b.count, places > 0 else { return nil }
            }
            for _ in places..<10 { fraction *= 10 }
            let key = whole * 10_000_000_000 + fraction
            return negative ? -key : key
        }
    }

    static func date(_ seconds: Double) -> Date? { seconds.isNaN ? nil : Date(timeIntervalSince1970: seconds) }
}

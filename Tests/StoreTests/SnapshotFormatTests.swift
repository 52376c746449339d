import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The snapshot format: every field of every row and every name survive a write and a read.
@Suite struct SnapshotFormatTests {
    let identity = SnapshotIdentity(server: "https://waldur.example.com/api/", user: "alice")

    /// Orders that stress the format: unknown and absent codes, irregular uuids, absent dates, odd amounts, hostile names.
    static func oddOrders() -> [Order] {
        var orders = (1...40).map { makeOrder($0) }
        orders[0].state = OrderState(wire: "frozen-by-admin")
        orders[1].type = OrderType(wire: "Migrate")
        orders[2].type = nil
        orders[3] = Order(uuid: WaldurUUID("not-a-uuid: \u{1b}[31mred"))
        orders[4].created = nil
        orders[4].modified = nil
        orders[5].consumerReviewedAt = testNow
        orders[5].providerReviewedAt = testNow.addingTimeInterval(0.123456)
        orders[5].consumerReviewedByUsername = "bob"
        orders[5].providerReviewedByFullName = "Провайдер Ω"
        let amounts = ["-0.0000000001", "123456789012345678901234567890.5", "0", "0.00", "18446744073709551615", "1e-30",
                       "501.016", "-7"]
        for (k, text) in amounts.enumerated() { orders[6 + k].cost = Money(text: text) }
        orders[14].cost = nil
        let hostile = ["\u{1b}]52;c;ZWNobw==\u{7}", "line\nbreak\r\n", "\u{202e}evil", "nul\u{0}byte", "🧪 ünïcödé 漢字",
                       String(repeating: "x", count: 70_000), "\u{9b}31m", "tab\there"]
        for (k, text) in hostile.enumerated() {
            orders[15 + k].offeringName = text
            orders[15 + k].projectName = text + " p"
            orders[15 + k].errorMessage = text
            orders[15 + k].backendID = text
        }
        orders[24].offeringUUID = WaldurUUID(hex(9001))
        orders[24].projectUUID = WaldurUUID(hex(9002))
        orders[24].customerUUID = WaldurUUID(hex(9003))
        orders[24].providerUUID = WaldurUUID(hex(9004))
        orders[25].createdByFullName = "Carol C."
        orders[26].modified = Date(timeIntervalSince1970: -1.5)
        return orders
    }

    static func snapshot(_ orders: [Order], identity: SnapshotIdentity) -> OrderSnapshot {
        var pool = StringPool()
        var rows = orders.map { OrderRow($0, pool: &pool) }
        rows[0].flags = OrderRow.needsMeConsumerFlag | OrderRow.newFlag
        rows[1].flags = OrderRow.needsMeProviderFlag
        rows[1].highlightedAt = testNow.timeIntervalSince1970
        return OrderSnapshot(identity: identity, writtenAt: testNow, rows: rows, pool: pool)
    }

    func roundTrip(_ s: OrderSnapshot) throws -> OrderSnapshot {
        try SnapshotCodec.decode(SnapshotCodec.encode(s), expecting: identity)
    }

    @Test func everyFieldOfOddRowsSurvives() throws {
        let original = Self.snapshot(Self.oddOrders(), identity: identity)
        let read = try roundTrip(original)
        #expect(read == original)
        #expect(read.header.server == identity.server && read.header.user == identity.user && read.header.rowCount == 40)
        #expect(read.header.writtenAt == testNow)
        for (a, b) in zip(original.rows, read.rows) {
            #expect(a.isSame(as: b), "row \(a.uuid(original.pool).hex)")
            #expect(a.cost == b.cost && a.costKey == b.costKey)
            #expect("\(a.cost.map { "\($0)" } ?? "-")" == "\(b.cost.map { "\($0)" } ?? "-")", "the amount's text is kept")
        }
        #expect(read.pool.values == original.pool.values)
        #expect(read.rows[0].state(read.pool) == OrderState(wire: "frozen-by-admin"))
        #expect(read.rows[1].type(read.pool) == OrderType(wire: "Migrate"))
        #expect(read.rows[2].type(read.pool) == nil)
        #expect(read.rows[3].uuid(read.pool).hex == original.rows[3].uuid(original.pool).hex && read.rows[3].key.irregular)
        #expect(read.rows[4].created.isNaN && read.rows[4].modified.isNaN)
        #expect(read.rows[7].cost == Decimal(string: "123456789012345678901234567890.5"))
        #expect(read.rows[14].cost == nil)
        #expect(read.pool[read.rows[20].offering].count == 70_000)
        #expect(read.rows[1].highlightedAt == testNow.timeIntervalSince1970 && read.rows[0].needsMeConsumer)
    }

    @Test func everyRowFieldIsWrittenAndRead() throws {
        // A row with every field set to a value of its own; a field added to OrderRow must be added to the codec.
        #expect(Mirror(reflecting: OrderRow(key: RowKey(uuid(1)), stateCode: 0, typeCode: 0)).children.count == 31,
                "OrderRow changed: write the new field in SnapshotRowCodec and raise SnapshotHeader.formatVersion")
        var pool = StringPool()
        for k in 1...30 { _ = pool.intern("name \(k)") }
        var row = OrderRow(key: RowKey(hi: 0x0123_4567_89ab_cdef, lo: 0xfedc_ba98_7654_3210, irregular: true), stateCode: OrderRow.unknownCode,
                           typeCode: OrderRow.unknownCode)
        row.flags = 0xff
        let ids: [WritableKeyPath<OrderRow, UInt32>] = [
            \.stateWire, \.typeWire, \.irregularUUID, \.offering, \.offeringType, \.offeringUUID, \.plan, \.project, \.projectUUID,
            \.customer, \.customerUUID, \.provider, \.providerUUID, \.resource, \.creator, \.creatorName, \.consumerReviewer,
            \.providerReviewer, \.errorMessage, \.backendID,
        ]
        for (k, path) in ids.enumerated() { row[keyPath: path] = UInt32(k + 1) }
        row.cost = Decimal(string: "-12.345")
        row.costKey = -123_450_000_000
        row.created = 1.25
        row.modified = 2.5
        row.consumerReviewedAt = 3.75
        row.providerReviewedAt = -4.0
        row.highlightedAt = 5.0
        let original = OrderSnapshot(identity: identity, writtenAt: testNow, rows: [row], pool: pool)
        let read = try roundTrip(original)
        #expect(read.rows.count == 1 && read.rows[0] == row)
    }

    @Test func emptySnapshotRoundTrips() throws {
        let original = OrderSnapshot(identity: identity, writtenAt: testNow, rows: [], pool: StringPool())
        #expect(try roundTrip(original) == original)
    }

    @Test func theListFieldsTheRowsWereLoadedWithRoundTrip() throws {
        var original = OrderSnapshot(identity: identity, writtenAt: testNow, rows: [], pool: StringPool())
        original.header.fields = ["uuid", "state", "offering_name", "cost"]
        let read = try roundTrip(original)
        #expect(read.header.fields == ["uuid", "state", "offering_name", "cost"])
        #expect(read.header.holds(fields: ["state", "uuid"]))
        #expect(!read.header.holds(fields: ["uuid", "plan_name"]), "a field the rows lack")
        #expect(!read.header.holds(fields: []), "the whole order is more than four fields")
    }

    @Test func idsPastTheNamesAreCorrupt() throws {
        var pool = StringPool()
        var row = OrderRow(makeOrder(1), pool: &pool)
        row.offering = UInt32(pool.count + 5)
        let bytes = SnapshotCodec.encode(OrderSnapshot(identity: identity, writtenAt: testNow, rows: [row], pool: pool))
        #expect(throws: SnapshotError.corrupt("a name id is past the names")) { try SnapshotCodec.decode(bytes, expecting: nil) }
    }

    @Test func installedRowsServeTheList() throws {
        let orders = Self.oddOrders()
        let read = try roundTrip(Self.snapshot(orders, identity: identity))
        var state = AppState(configuration: StoreConfiguration(startsFromSnapshot: true), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(nil))
        _ = reduce(&state, .snapshotLoaded(read))
        #expect(state.loadedCount == orders.count)
        #expect(state.count(of: "All") == orders.count)
        #expect(state.row(for: orders[20].uuid)?.offering.hasPrefix("xxxxxxxx") == true)
        #expect(state.row(for: orders[3].uuid)?.uuid.hex == orders[3].uuid.hex, "an irregular uuid is found by its text")
    }
}

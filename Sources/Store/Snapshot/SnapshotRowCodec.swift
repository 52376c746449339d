import Foundation
import WaldurClient

/// One `OrderRow` in the snapshot format, field by field: the 128-bit key, a presence byte, the codes and flags,
/// every pool id as a varint, the cost (mantissa and exponent, or its text when the mantissa is wider than 64 bits),
/// the exact cost key, and each present date as a 64-bit float.
enum SnapshotRowCodec {
    // Presence bits.
    static let irregularBit: UInt8 = 1
    static let costBit: UInt8 = 2
    static let costTextBit: UInt8 = 4
    static let costKeyBit: UInt8 = 8
    static let createdBit: UInt8 = 16
    static let modifiedBit: UInt8 = 32
    static let reviewedBit: UInt8 = 64
    static let highlightedBit: UInt8 = 128
    /// The second presence byte: the provider review date.
    static let providerReviewedBit: UInt8 = 1

    static func write(_ r: OrderRow, to w: inout SnapshotByteWriter) {
        w.u64(r.key.hi)
        w.u64(r.key.lo)
        var costText: String?
        var mantissa: UInt64 = 0
        if let cost = r.cost {
            let m = NSDecimalNumber(decimal: cost.significand).uint64Value
            if Decimal(sign: cost.sign, exponent: cost.exponent, significand: Decimal(m)) == cost, (-128...127).contains(cost.exponent) {
                mantissa = m
            } else {
                costText = "\(cost)"
            }
        }
        var bits: UInt8 = 0
        if r.key.irregular { bits |= irregularBit }
        if r.cost != nil { bits |= costBit }
        if costText != nil { bits |= costTextBit }
        if r.costKey != Int64.min { bits |= costKeyBit }
        if !r.created.isNaN { bits |= createdBit }
        if !r.modified.isNaN { bits |= modifiedBit }
        if !r.consumerReviewedAt.isNaN { bits |= reviewedBit }
        if !r.highlightedAt.isNaN { bits |= highlightedBit }
        w.u8(bits)
        w.u8(r.providerReviewedAt.isNaN ? 0 : providerReviewedBit)
        w.u8(r.stateCode)
        w.u8(r.typeCode)
        w.u8(r.flags)
        w.varint(UInt64(r.stateWire))
        w.varint(UInt64(r.typeWire))
        w.varint(UInt64(r.irregularUUID))
        w.varint(UInt64(r.offering))
        w.varint(UInt64(r.offeringType))
        w.varint(UInt64(r.offeringUUID))
        w.varint(UInt64(r.plan))
        w.varint(UInt64(r.project))
        w.varint(UInt64(r.projectUUID))
        w.varint(UInt64(r.customer))
        w.varint(UInt64(r.customerUUID))
        w.varint(UInt64(r.provider))
        w.varint(UInt64(r.providerUUID))
        w.varint(UInt64(r.resource))
        w.varint(UInt64(r.creator))
        w.varint(UInt64(r.creatorName))
        w.varint(UInt64(r.consumerReviewer))
        w.varint(UInt64(r.providerReviewer))
        w.varint(UInt64(r.errorMessage))
        w.varint(UInt64(r.backendID))
        if let cost = r.cost {
            if let costText {
                w.text(costText)
            } else {
                w.u8(cost.sign == .minus ? 1 : 0)
                w.u8(UInt8(bitPattern: Int8(cost.exponent)))
                w.varint(mantissa)
            }
        }
        if r.costKey != Int64.min { w.zigzag(r.costKey) }
        if !r.created.isNaN { w.f64(r.created) }
        if !r.modified.isNaN { w.f64(r.modified) }
        if !r.consumerReviewedAt.isNaN { w.f64(r.consumerReviewedAt) }
        if !r.providerReviewedAt.isNaN { w.f64(r.providerReviewedAt) }
        if !r.highlightedAt.isNaN { w.f64(r.highlightedAt) }
    }

    /// Reads one row; every id must be below `names` (the pool's size).
    static func read(_ r: inout SnapshotByteReader, names: UInt32) throws(SnapshotError) -> OrderRow {
        let hi = try r.u64()
        let lo = try r.u64()
        let bits = try r.u8()
        let bits2 = try r.u8()
        let stateCode = try r.u8()
        let typeCode = try r.u8()
        guard Int(stateCode) < OrderState.known.count || stateCode == OrderRow.unknownCode else { throw .corrupt("a state code is out of range") }
        guard Int(typeCode) < OrderType.known.count || typeCode == OrderRow.unknownCode || typeCode == OrderRow.absentCode else {
            throw .corrupt("a type code is out of range")
        }
        var row = OrderRow(key: RowKey(hi: hi, lo: lo, irregular: bits & irregularBit != 0), stateCode: stateCode, typeCode: typeCode)
        row.flags = try r.u8()
        func id(_ r: inout SnapshotByteReader) throws(SnapshotError) -> UInt32 {
            let v = try r.id()
            guard v < names else { throw .corrupt("a name id is past the names") }
            return v
        }
        row.stateWire = try id(&r)
        row.typeWire = try id(&r)
        row.irregularUUID = try id(&r)
        row.offering = try id(&r)
        row.offeringType = try id(&r)
        row.offeringUUID = try id(&r)
        row.plan = try id(&r)
        row.project = try id(&r)
        row.projectUUID = try id(&r)
        row.customer = try id(&r)
        row.customerUUID = try id(&r)
        row.provider = try id(&r)
        row.providerUUID = try id(&r)
        row.resource = try id(&r)
        row.creator = try id(&r)
        row.creatorName = try id(&r)
        row.consumerReviewer = try id(&r)
        row.providerReviewer = try id(&r)
        row.errorMessage = try id(&r)
        row.backendID = try id(&r)
        if bits & costBit != 0 {
            if bits & costTextBit != 0 {
                let text = try r.text()
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { throw .corrupt("a cost is not a number") }
                row.cost = value
            } else {
                let negative = try r.u8() != 0
                let exponent = Int(Int8(bitPattern: try r.u8()))
                let mantissa = try r.varint()
                row.cost = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
            }
        }
        if bits & costKeyBit != 0 { row.costKey = try r.zigzag() }
        if bits & createdBit != 0 { row.created = try r.f64() }
        if bits & modifiedBit != 0 { row.modified = try r.f64() }
        if bits & reviewedBit != 0 { row.consumerReviewedAt = try r.f64() }
        if bits2 & providerReviewedBit != 0 { row.providerReviewedAt = try r.f64() }
        if bits & highlightedBit != 0 { row.highlightedAt = try r.f64() }
        return row
    }
}

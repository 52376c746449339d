import Foundation

/// Column copies of the row fields that the filter's hot loops read (name ids, state and type codes, cost keys, the
/// uuid's first 32 bits), one contiguous array per field in row order: a test over a million rows then reads a few
/// megabytes sequentially instead of every row's cache lines. Kept in step with the rows by `OrderIndex`.
struct FilterColumns: Sendable {
    /// The name fields a filter reads, in column order (at most 16: `nameUse` holds one bit per column).
    enum Name: Int, CaseIterable, Sendable {
        case offering, offeringUUID, plan, project, projectUUID, customer, customerUUID, provider, providerUUID
        case resource, creator, creatorName, consumerReviewer, providerReviewer, irregularUUID

        /// The pool id of this field in `row`.
        @inline(__always)
        func id(_ row: OrderRow) -> UInt32 {
            switch self {
            case .offering: return row.offering
            case .offeringUUID: return row.offeringUUID
            case .plan: return row.plan
            case .project: return row.project
            case .projectUUID: return row.projectUUID
            case .customer: return row.customer
            case .customerUUID: return row.customerUUID
            case .provider: return row.provider
            case .providerUUID: return row.providerUUID
            case .resource: return row.resource
            case .creator: return row.creator
            case .creatorName: return row.creatorName
            case .consumerReviewer: return row.consumerReviewer
            case .providerReviewer: return row.providerReviewer
            case .irregularUUID: return row.irregularUUID
            }
        }

        var bit: UInt16 { 1 << UInt16(rawValue) }

        /// The columns a free word searches.
        static let freeText: UInt16 = [Name.offering, .project, .customer, .provider, .resource, .plan, .creator, .creatorName,
                                       .consumerReviewer, .providerReviewer, .irregularUUID].reduce(0) { $0 | $1.bit }
    }

    /// Per name column, the pool id of every row.
    private(set) var names: [[UInt32]] = Array(repeating: [], count: Name.allCases.count)
    private(set) var states: [UInt8] = []
    private(set) var types: [UInt8] = []
    /// `OrderRow.costKey` of every row, `noCost` for a row without a cost (so a cost test needs no row for it).
    private(set) var costKeys: [Int64] = []
    /// The cost key of a row without a cost (`Int64.min` stays "a cost without an exact key").
    static let noCost = Int64.min + 1
    /// The uuid's first 8 hex digits (meaningless for irregular uuids, which the prefix test checks on the row).
    private(set) var uuidHeads: [UInt32] = []
    /// Bit i (word i / 64) set: row i's uuid is irregular (its head means nothing).
    private(set) var irregularKeys: [UInt64] = []
    /// Per pool id: bit c when the id occurs (or once occurred) in name column c, so that a text test can skip the
    /// columns where none of its matching names occurs. A superset is harmless; removal rebuilds it.
    private(set) var nameUse: [UInt16] = []
    /// Per row: the union of the pool signatures (`StringPool.signature`) of its free-text names, so that a free word
    /// can pass over rows lacking one of its bytes without reading a name column (all bits when the pool's
    /// signatures were not given: "maybe anything").
    private(set) var textSignatures: [UInt64] = []
    /// False once a row's signature came out as all bits (unknown names, or names holding every byte class): a
    /// signature then no longer tells exactly whether a letter or digit occurs.
    private(set) var signaturesExact = true

    var count: Int { states.count }

    /// Columns for `rows` (names in a pool with `signatures`), from scratch: one pass over the rows writing every column.
    init(_ rows: [OrderRow] = [], signatures: [UInt64] = []) {
        let n = rows.count
        guard n > 0 else { return }
        let nameColumns = Name.allCases.map { _ in UnsafeMutablePointer<UInt32>.allocate(capacity: n) }
        defer { for c in nameColumns { c.deallocate() } }
        var largest: UInt32 = 0
        rows.withUnsafeBufferPointer { r in
            states = [UInt8](unsafeUninitializedCapacity: n) { st, stateCount in
                types = [UInt8](unsafeUninitializedCapacity: n) { ty, typeCount in
                    costKeys = [Int64](unsafeUninitializedCapacity: n) { ck, costCount in
                        uuidHeads = [UInt32](unsafeUninitializedCapacity: n) { uh, headCount in
                            for i in 0..<n {
                                for name in Name.allCases {
                                    let id = name.id(r[i])
                                    nameColumns[name.rawValue][i] = id
                                    largest = max(largest, id)
                                }
                                st[i] = r[i].stateCode
                                ty[i] = r[i].typeCode
                                ck[i] = FilterColumns.costKey(r[i])
                                uh[i] = UInt32(truncatingIfNeeded: r[i].key.hi >> 32)
                            }
                            textSignatures = signatures.withUnsafeBufferPointer { sig in
                                (0..<n).map { FilterColumns.textSignature(r[$0], sig) }
                            }
                            signaturesExact = !textSignatures.contains(~0)
                            irregularKeys = [UInt64](repeating: 0, count: (n + 63) / 64)
                            for i in 0..<n where r[i].key.irregular { irregularKeys[i >> 6] |= 1 << UInt64(i & 63) }
                            headCount = n
                        }
                        costCount = n
                    }
                    typeCount = n
                }
                stateCount = n
            }
        }
        var use = [UInt16](repeating: 0, count: Int(largest) + 1)
        use.withUnsafeMutableBufferPointer { u in
            for name in Name.allCases {
                let ids = UnsafeBufferPointer(start: nameColumns[name.rawValue], count: n)
                names[name.rawValue] = Array(ids)
                for id in ids { u[Int(id)] |= name.bit }
            }
            u[0] = 0
        }
        nameUse = use
    }

    /// The union of the signatures of `row`'s free-text names (all bits for an id outside `signatures`).
    @inline(__always)
    static func textSignature(_ row: OrderRow, _ signatures: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var sig: UInt64 = 0
        for name in Name.allCases where Name.freeText & name.bit != 0 {
            let id = Int(name.id(row))
            sig |= id < signatures.count ? signatures[id] : ~0
        }
        return sig
    }

    /// The cost column's value for `row`.
    @inline(__always)
    static func costKey(_ row: OrderRow) -> Int64 { row.costKey == Int64.min && row.cost == nil ? noCost : row.costKey }

    /// Adds the columns of a row appended to the rows (names in a pool with `signatures`).
    mutating func append(_ row: OrderRow, signatures: [UInt64]) {
        textSignatures.append(signatures.withUnsafeBufferPointer { FilterColumns.textSignature(row, $0) })
        if textSignatures.last == ~0 { signaturesExact = false }
        for name in Name.allCases {
            let id = name.id(row)
            names[name.rawValue].append(id)
            note(id, name)
        }
        states.append(row.stateCode)
        types.append(row.typeCode)
        costKeys.append(FilterColumns.costKey(row))
        uuidHeads.append(UInt32(truncatingIfNeeded: row.key.hi >> 32))
        if irregularKeys.count * 64 < uuidHeads.count { irregularKeys.append(0) }
        markIrregular(uuidHeads.count - 1, row.key.irregular)
    }

    /// Replaces the columns of row `i` (names in a pool with `signatures`).
    mutating func update(_ i: Int, _ row: OrderRow, signatures: [UInt64]) {
        textSignatures[i] = signatures.withUnsafeBufferPointer { FilterColumns.textSignature(row, $0) }
        if textSignatures[i] == ~0 { signaturesExact = false }
        for name in Name.allCases {
            let id = name.id(row)
            names[name.rawValue][i] = id
            note(id, name)
        }
        states[i] = row.stateCode
        types[i] = row.typeCode
        costKeys[i] = FilterColumns.costKey(row)
        uuidHeads[i] = UInt32(truncatingIfNeeded: row.key.hi >> 32)
        markIrregular(i, row.key.irregular)
    }

    private mutating func markIrregular(_ i: Int, _ irregular: Bool) {
        let bit: UInt64 = 1 << UInt64(i & 63)
        if irregular { irregularKeys[i >> 6] |= bit } else { irregularKeys[i >> 6] &= ~bit }
    }

    /// Whether row i's uuid is irregular.
    @inline(__always)
    func isIrregular(_ i: Int) -> Bool { i >> 6 < irregularKeys.count && irregularKeys[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    @inline(__always)
    private mutating func note(_ id: UInt32, _ name: Name) {
        guard id != 0 else { return }
        if Int(id) >= nameUse.count { nameUse += [UInt16](repeating: 0, count: max(Int(id) + 1 - nameUse.count, nameUse.count / 2)) }
        nameUse[Int(id)] |= name.bit
    }

    /// The columns among `candidates` in which some id true in `bits` occurs (id 0, the absent name, occurs everywhere).
    func columns(using bits: UnsafeBufferPointer<Bool>, among candidates: UInt16) -> UInt16 {
        if bits.first == true { return candidates }
        var used: UInt16 = 0
        nameUse.withUnsafeBufferPointer { u in
            bits.withMemoryRebound(to: UInt8.self) { b in
                // (Without a branch per id: the bitmap's 0/1 byte, negated, masks the id's columns.)
                for i in 0..<min(b.count, u.count) { used |= u[i] & (0 &- UInt16(b[i])) }
            }
        }
        return used & candidates
    }
}

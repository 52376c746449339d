import Foundation

/// Stable least-significant-digit radix sort of row indices by unsigned 64-bit keys: linear in the number of rows
/// (11-bit digits, a pass skipped when every key has the same digit there), and equal keys keep their given order,
/// so sorting an order by a secondary key and then by a primary key sorts by both.
enum StableRadixSort {
    static let digitBits = 11
    static let passes = (64 + digitBits - 1) / digitBits

    /// `order` (row indices) sorted by `key[row]` ascending; rows with equal keys stay in the order of `order`.
    static func sort(_ order: [Int32], by key: [UInt64]) -> [Int32] {
        let n = order.count
        guard n > 1 else { return order }
        let radix = 1 << digitBits, digitMask = UInt64(radix - 1)
        var keys = [UInt64](repeating: 0, count: n)
        var values = order
        key.withUnsafeBufferPointer { k in
            keys.withUnsafeMutableBufferPointer { out in
                order.withUnsafeBufferPointer { o in for j in 0..<n { out[j] = k[Int(o[j])] } }
            }
        }
        // Every pass's histogram in one read.
        var counts = [Int](repeating: 0, count: radix * passes)
        counts.withUnsafeMutableBufferPointer { c in
            keys.withUnsafeBufferPointer { k in
                for j in 0..<n {
                    var x = k[j]
                    for p in 0..<passes {
                        c[p * radix + Int(x & digitMask)] += 1
                        x >>= UInt64(digitBits)
                    }
                }
            }
        }
        var otherKeys = [UInt64](repeating: 0, count: n)
        var otherValues = [Int32](repeating: 0, count: n)
        for p in 0..<passes {
            let shift = UInt64(p * digitBits)
            let first = Int((keys[0] >> shift) & digitMask)
            if counts[p * radix + first] == n { continue }
            var offsets = [Int](repeating: 0, count: radix)
            var sum = 0
            for d in 0..<radix {
                offsets[d] = sum
                sum += counts[p * radix + d]
            }
            keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    otherKeys.withUnsafeMutableBufferPointer { k2 in
                        otherValues.withUnsafeMutableBufferPointer { v2 in
                            offsets.withUnsafeMutableBufferPointer { o in
                                for j in 0..<n {
                                    let d = Int((k[j] >> shift) & digitMask)
                                    let at = o[d]
                                    o[d] = at + 1
                                    k2[at] = k[j]
                                    v2[at] = v[j]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&values, &otherValues)
        }
        return values
    }

    /// An order-preserving map of signed integers onto unsigned ones.
    @inline(__always)
    static func unsigned(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) ^ (1 << 63) }

    /// An order-preserving map of doubles (not NaN) onto unsigned integers; -0 and +0 map to the same key.
    @inline(__always)
    static func unsigned(_ v: Double) -> UInt64 {
        let bits = (v == 0 ? 0 : v).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
}

/// Compaction of row lists without a branch per row: the rows of a source that a test keeps, in order, written into
/// an array of exactly their number (no growing, no spare capacity).
enum RowPick {
    /// The rows of `source` for which `keep` holds, in order; `count`, when known, is their number (else counted first).
    @inline(__always)
    static func pick(_ source: [Int32], count known: Int? = nil, _ keep: (Int32) -> Bool) -> [Int32] {
        source.withUnsafeBufferPointer { s in
            let kept = known ?? s.reduce(0) { $0 &+ (keep($1) ? 1 : 0) }
            guard kept > 0 else { return [] }
            return [Int32](unsafeUninitializedCapacity: kept) { out, written in
                var k = 0
                for i in s where k < kept {
                    out[k] = i
                    k += keep(i) ? 1 : 0
                }
                written = k
            }
        }
    }
}

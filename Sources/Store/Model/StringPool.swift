/// Interned strings: every distinct name is stored once, with its folded bytes computed once on insertion.
/// Rows refer to names by id, which keeps a row small and makes per-name filter results reusable.
public struct StringPool: Sendable {
    /// Id 0 is the empty string (an absent value).
    public private(set) var values: [String] = [""]
    /// Folded UTF-8 bytes per id, for case- and accent-insensitive matching.
    public private(set) var folded: [[UInt8]] = [[]]
    private var ids: [String: UInt32] = ["": 0]

    public init() {}

    public var count: Int { values.count }

    /// The id of `text`, inserting it when new; nil and "" are id 0.
    public mutating func intern(_ text: String?) -> UInt32 {
        guard let text, !text.isEmpty else { return 0 }
        if let id = ids[text] { return id }
        let id = UInt32(values.count)
        values.append(text)
        folded.append(TextFolding.foldedBytes(text))
        ids[text] = id
        return id
    }

    public subscript(id: UInt32) -> String { Int(id) < values.count ? values[Int(id)] : "" }

    /// For every id, whether its folded text contains `needle` (already folded).
    func matches(_ needle: [UInt8]) -> [Bool] {
        var out = [Bool](repeating: false, count: folded.count)
        needle.withUnsafeBufferPointer { n in
            for i in 0..<folded.count {
                out[i] = folded[i].withUnsafeBufferPointer { TextFolding.contains($0, n) }
            }
        }
        return out
    }

    /// Rank of every id in folded lexicographic order (for sorting by a name column).
    func ranks() -> [Int64] {
        let order = (0..<folded.count).sorted { a, b in
            folded[a].lexicographicallyPrecedes(folded[b])
        }
        var rank = [Int64](repeating: 0, count: folded.count)
        for (r, id) in order.enumerated() { rank[id] = Int64(r) }
        return rank
    }
}

/// A histogram counted in four interleaved lanes, summed at the end: consecutive items falling into the same bucket
/// (few buckets, such as a handful of states) then do not wait on each other's increment.
enum LaneHistogram {
    /// How many of the items `0..<count` fall into each of `buckets` buckets (`bucket(i)` must be below `buckets`).
    @inline(__always)
    static func count(_ count: Int, buckets: Int, _ bucket: (Int) -> Int) -> [Int] {
        var lanes = [Int](repeating: 0, count: 4 * buckets)
        lanes.withUnsafeMutableBufferPointer { l in
            var i = 0
            while i + 4 <= count {
                l[bucket(i)] &+= 1
                l[buckets + bucket(i + 1)] &+= 1
                l[2 * buckets + bucket(i + 2)] &+= 1
                l[3 * buckets + bucket(i + 3)] &+= 1
                i += 4
            }
            while i < count {
                l[bucket(i)] &+= 1
                i += 1
            }
        }
        return (0..<buckets).map { lanes[$0] + lanes[buckets + $0] + lanes[2 * buckets + $0] + lanes[3 * buckets + $0] }
    }
}

import WaldurClient

extension OrderService {
    /// How a full load of `query` (holding `total` orders) can be asked by project and/or offering: its first
    /// `KeyPartition.sampleSize` orders are asked with every field (and handed to `sampled`, as the load's first
    /// rows), then each key's values seen there are counted; a key covers the query when its counts add up to exactly
    /// `total`. Nil for a small list, a key with too many values or no covering key.
    func keyPartition(_ query: OrderListQuery, total: Int?, sampled: @Sendable (OrderPage) -> Void) async throws(WaldurError) -> KeyPartition? {
        guard let total, total >= KeyPartition.minimumOrders else { return nil }
        var sample = try await firstPage(KeyPartition.sampleQuery(query))
        sample.totalCount = total
        sampled(sample)
        var covering: [RelatedKey: [WaldurUUID: Order]] = [:]
        keys: for key in KeyPartition.candidates(query) {
            guard let values = KeyPartition.values(of: key, in: sample.orders) else { continue }
            var sum = 0
            for uuid in values.keys {
                guard let n = try await count(key.narrow(query, to: uuid)) else { continue keys }
                sum += n
            }
            if sum == total { covering[key] = values } // (more: a count raced a new order, or the filter is ignored)
        }
        return KeyPartition(covering: covering)
    }
}

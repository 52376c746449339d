import WaldurClient

extension OrderService {
    /// Every page of a load: its query, or its parts one after another, each asked whole or by cells of a
    /// `KeyPartition` (a full load of a big list). The query's and the parts' counts are asked first; a part the
    /// server refuses (HTTP 400: a state it does not know) is left out. When the parts hold fewer orders than the query
    /// (orders in a state no part asks for, such as one a newer server added) or the server gives no count, the query
    /// is listed as it is, so nothing is missed. Pages carry the query's count, so progress counts towards the whole.
    public func listOrders(_ request: LoadRequest, concurrency: Int) -> AsyncThrowingStream<OrderPage, any Error> {
        let mayPartition = request.purpose.isFull && !KeyPartition.candidates(request.query).isEmpty
        guard !request.parts.isEmpty || mayPartition else { return listOrders(request.query, concurrency: concurrency) }
        let service = self
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let total = try await service.count(request.query)
                    let partition = mayPartition
                        ? try await service.keyPartition(request.query, total: total) { continuation.yield($0) } : nil
                    let queries = request.parts.isEmpty ? [request.query] : try await service.covering(request, total: total)
                    for query in queries {
                        for cell in partition?.cells(query) ?? [KeyPartition.Cell(query: query, copies: [])] {
                            for try await page in service.listOrders(cell.query, concurrency: concurrency) {
                                var page = page
                                cell.fill(&page)
                                if let total { page.totalCount = total }
                                continuation.yield(page)
                            }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The parts of `request` worth listing when together they hold the query's `total`; else the query itself.
    private func covering(_ request: LoadRequest, total: Int?) async throws(WaldurError) -> [OrderListQuery] {
        var covered = 0
        var parts: [OrderListQuery] = []
        for part in request.parts {
            do throws(WaldurError) {
                let count = try await count(part)
                covered += count ?? 0
                if count != 0 { parts.append(part) } // (an empty part is not listed)
            } catch where error.status == 400 {
                // A state this server does not know (its filter refuses it): it holds no such orders.
            }
        }
        guard let total, covered >= total else { return [request.query] }
        return parts
    }
}

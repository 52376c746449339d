import WaldurClient

extension OrderService {
    /// Every page of a load: its query, or its parts one after another. The query's and the parts' counts are asked
    /// first (one uuid each, at the same moment); a part the server refuses (HTTP 400: a state it does not know) is
    /// left out. When the parts hold fewer orders than the query (orders in a state no part asks for, such as one a
    /// newer server added) or the server gives no count, the query is listed as it is, so nothing is missed. A part's
    /// pages carry the query's count, so progress counts towards the whole.
    public func listOrders(_ request: LoadRequest, concurrency: Int) -> AsyncThrowingStream<OrderPage, any Error> {
        guard !request.parts.isEmpty else { return listOrders(request.query, concurrency: concurrency) }
        let service = self
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let total = try await service.count(request.query)
                    var covered = 0
                    var parts: [OrderListQuery] = []
                    for part in request.parts {
                        do {
                            let count = try await service.count(part)
                            covered += count ?? 0
                            if count != 0 { parts.append(part) } // (an empty part is not listed)
                        } catch let error as WaldurError where error.status == 400 {
                            // A state this server does not know (its filter refuses it): it holds no such orders.
                        }
                    }
                    if let total, covered >= total {
                        for part in parts {
                            for try await page in service.listOrders(part, concurrency: concurrency) {
                                var page = page
                                page.totalCount = total
                                continuation.yield(page)
                            }
                        }
                    } else {
                        for try await page in service.listOrders(request.query, concurrency: concurrency) { continuation.yield(page) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

import Foundation

/// Typed async access to every marketplace-orders endpoint of a Waldur server.
public struct WaldurClient: Sendable {
    public let configuration: ClientConfiguration
    let transport: any HTTPTransport
    let sleep: @Sendable (TimeInterval) async throws -> Void

    public init(configuration: ClientConfiguration, transport: any HTTPTransport = CurlTransport(),
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1_000_000_000)) }) {
        self.configuration = configuration
        self.transport = transport
        self.sleep = sleep
    }

    // MARK: URLs

    /// `…/api/marketplace-orders/` plus an optional uuid and action.
    public func ordersURL(_ uuid: WaldurUUID? = nil, action: String? = nil, query: String? = nil) -> URL {
        var path = "marketplace-orders/"
        if let uuid { path += OrderListQuery.escape(uuid.hex) + "/" }
        if let action { path += action + "/" }
        var text = configuration.apiRoot.absoluteString + path
        if let query, !query.isEmpty { text += "?" + query }
        return URL(string: text) ?? configuration.apiRoot
    }

    // MARK: Reads

    /// One page of orders; `timeout` replaces the configured request timeout.
    public func listPage(_ query: OrderListQuery, timeout: TimeInterval? = nil) async throws(WaldurError) -> OrderPage {
        try await listPage(url: ordersURL(query: query.queryString), page: query.page ?? 1, timeout: timeout)
    }

    /// The page at `url` (a `next` link or a built list URL).
    public func listPage(url: URL, page: Int, timeout: TimeInterval? = nil) async throws(WaldurError) -> OrderPage {
        let response = try await perform(HTTPRequest(method: "GET", url: url), timeout: timeout)
        let json = try decodeJSON(response)
        let orders: [Order]
        do { orders = try Order.list(json: json) } catch { throw WaldurError.undecodable(error) }
        let total = response.header("X-Result-Count").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return OrderPage(orders: orders, totalCount: total, page: page, next: OrderPage.links(response.header("Link"))["next"],
                         raw: json.arrayValue ?? [])
    }

    /// Every page of a list, as they arrive: the first page comes first; when the server announces a total,
    /// the remaining pages are fetched concurrently and delivered in order, as many at once as the server's latency
    /// allows (`PageWindow`: from 2 up to `concurrency`).
    public func listOrders(_ query: OrderListQuery, concurrency: Int = 4) -> AsyncThrowingStream<OrderPage, any Error> {
        let client = self
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await client.streamPages(query, concurrency: max(1, concurrency)) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// All orders of a list, every page fetched.
    public func listAll(_ query: OrderListQuery, concurrency: Int = 4) async throws(WaldurError) -> [Order] {
        var out: [Order] = []
        do {
            for try await page in listOrders(query, concurrency: concurrency) { out += page.orders }
        } catch let e as WaldurError {
            throw e
        } catch {
            throw WaldurError.cancelled
        }
        return out
    }

    func streamPages(_ query: OrderListQuery, concurrency: Int, yield: @Sendable (OrderPage) -> Void) async throws(WaldurError) {
        var first = query
        first.page = query.page ?? 1
        var window = PageWindow(maxPages: concurrency, timeoutFloor: configuration.requestTimeout)
        let clock = ContinuousClock()
        let sequence = window.started()
        let sent = clock.now
        let firstPage = try await listPage(first)
        window.answered(sequence: sequence, latency: PageWindow.seconds(clock.now - sent))
        yield(firstPage)
        guard firstPage.next != nil else { return }
        let size = firstPage.orders.count
        if let total = firstPage.totalCount, size > 0, query.page == nil {
            let lastPage = (total + size - 1) / size
            guard lastPage > 1 else { return }
            var basePage = query
            basePage.pageSize = query.pageSize ?? size
            try await fetchConcurrently(pages: 2...lastPage, base: basePage, window: window, yield: yield)
        } else {
            var next = firstPage.next
            var number = firstPage.page
            while let url = next {
                try Task.checkCancellation(orThrow: WaldurError.cancelled)
                number += 1
                let page = try await listPage(url: url, page: number, timeout: window.timeout)
                yield(page)
                next = page.next
            }
        }
    }

    /// Fetches `pages` with at most `window.pagesInFlight` in flight, adapting the window and each page's timeout to
    /// the latencies seen; delivers pages in order. Every page is sent once (unless the transport fails it).
    func fetchConcurrently(pages: ClosedRange<Int>, base: OrderListQuery, window initial: PageWindow,
                           yield: @Sendable (OrderPage) -> Void) async throws(WaldurError) {
        let client = self
        let clock = ContinuousClock()
        let result: Result<Void, WaldurError> = await withTaskGroup(of: (Int, Int, Duration, Result<OrderPage, WaldurError>).self) { group in
            var window = initial
            var nextToStart = pages.lowerBound
            var nextToYield = pages.lowerBound
            var inFlight = 0
            var buffered: [Int: OrderPage] = [:]
            func fill() {
                while inFlight < window.pagesInFlight, nextToStart <= pages.upperBound {
                    var q = base
                    q.page = nextToStart
                    let number = nextToStart
                    let sequence = window.started()
                    let timeout = window.timeout
                    group.addTask {
                        let sent = clock.now
                        let outcome: Result<OrderPage, WaldurError>
                        do throws(WaldurError) { outcome = .success(try await client.listPage(q, timeout: timeout)) } catch { outcome = .failure(error) }
                        return (number, sequence, clock.now - sent, outcome)
                    }
                    nextToStart += 1
                    inFlight += 1
                }
            }
            fill()
            while let (number, sequence, latency, outcome) = await group.next() {
                inFlight -= 1
                switch outcome {
                case let .failure(error):
                    // A page that vanished because the list shrank meanwhile ends the list rather than failing it.
                    if error.status == 404 { buffered[number] = OrderPage(orders: [], totalCount: nil, page: number, next: nil) } else {
                        group.cancelAll()
                        return .failure(error)
                    }
                case let .success(page):
                    window.answered(sequence: sequence, latency: PageWindow.seconds(latency))
                    buffered[number] = page
                }
                while let page = buffered.removeValue(forKey: nextToYield) {
                    if !page.orders.isEmpty { yield(page) }
                    nextToYield += 1
                }
                fill()
            }
            return .success(())
        }
        try result.get()
    }

    /// One order; `fields` trims it like the list's `field=`.
    public func retrieve(_ uuid: WaldurUUID, fields: [String] = []) async throws(WaldurError) -> Order {
        try await retrieveRaw(uuid, fields: fields).order
    }

    /// One order, decoded and exactly as the server sent it (for output that keeps every key and value).
    public func retrieveRaw(_ uuid: WaldurUUID, fields: [String] = []) async throws(WaldurError) -> RawOrder {
        let query = fields.map { "field=\(OrderListQuery.escape($0))" }.joined(separator: "&")
        let response = try await perform(HTTPRequest(method: "GET", url: ordersURL(uuid, query: query)))
        let json = try decodeJSON(response)
        do { return RawOrder(order: try Order(json: json), json: json) } catch { throw WaldurError.undecodable(error) }
    }

    /// The offering of an order exactly as the server sent it.
    public func offeringRaw(of uuid: WaldurUUID) async throws(WaldurError) -> JSONValue {
        try decodeJSON(try await perform(HTTPRequest(method: "GET", url: ordersURL(uuid, action: "offering"))))
    }

    /// Any JSON document under the API root (`projects/?name=…`), for resolving names; reads are retried.
    public func getJSON(_ pathAndQuery: String) async throws(WaldurError) -> JSONValue {
        let url = URL(string: configuration.apiRoot.absoluteString + pathAndQuery) ?? configuration.apiRoot
        return try decodeJSON(try await perform(HTTPRequest(method: "GET", url: url)))
    }

    /// The offering of an order, with plans, components and the other nested fields.
    public func offering(of uuid: WaldurUUID) async throws(WaldurError) -> Offering {
        let response = try await perform(HTTPRequest(method: "GET", url: ordersURL(uuid, action: "offering")))
        let json = try decodeJSON(response)
        do { return try Offering(json: json) } catch { throw WaldurError.undecodable(error) }
    }

    /// Who the token belongs to (`GET /api/users/me/`), for the staff flag and the username.
    public func currentUser() async throws(WaldurError) -> CurrentUser {
        let url = URL(string: configuration.apiRoot.absoluteString + "users/me/") ?? configuration.apiRoot
        let response = try await perform(HTTPRequest(method: "GET", url: url))
        let json = try decodeJSON(response)
        do { return try CurrentUser(json: json) } catch { throw WaldurError.undecodable(error) }
    }

    // MARK: Writes (never retried)

    /// Creates an order; answers the created order (whose shape differs from retrieve's).
    public func create(_ request: OrderCreateRequest) async throws(WaldurError) -> Order {
        try await createRaw(request).order
    }

    /// Creates an order; answers the created order decoded and as the server sent it.
    public func createRaw(_ request: OrderCreateRequest) async throws(WaldurError) -> RawOrder {
        let response = try await perform(jsonRequest("POST", ordersURL(), request.json))
        let json = try decodeJSON(response)
        do { return RawOrder(order: try Order(json: json), json: json) } catch { throw WaldurError.undecodable(error) }
    }

    /// Sends one state-changing call on an order, with its JSON body when it takes one (never retried).
    @discardableResult
    public func perform(_ operation: OrderOperation, _ uuid: WaldurUUID, body: JSONValue? = nil) async throws(WaldurError) -> ActionResult {
        let url = ordersURL(uuid, action: operation.pathSegment)
        let request = body.map { jsonRequest(operation.method, url, $0) } ?? HTTPRequest(method: operation.method, url: url)
        return actionResult(try await perform(request))
    }

    /// Removes the order without touching the backend (staff only).
    @discardableResult
    public func unlink(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.unlink, uuid) }

    /// Deletes a pending order.
    @discardableResult
    public func delete(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.delete, uuid) }

    @discardableResult
    public func approveByConsumer(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.approveByConsumer, uuid) }

    /// Approves as the provider; `attributes` lets the provider adjust the submitted options (newer servers).
    @discardableResult
    public func approveByProvider(_ uuid: WaldurUUID, attributes: JSONValue? = nil) async throws(WaldurError) -> ActionResult {
        try await perform(.approveByProvider, uuid, body: attributes.map { .object([("attributes", $0)]) })
    }

    @discardableResult
    public func rejectByConsumer(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.rejectByConsumer, uuid) }

    /// Rejects as the provider; newer servers take an optional comment.
    @discardableResult
    public func rejectByProvider(_ uuid: WaldurUUID, comment: String? = nil) async throws(WaldurError) -> ActionResult {
        try await perform(.rejectByProvider, uuid, body: comment.map { .object([("provider_rejection_comment", .string($0))]) })
    }

    @discardableResult
    public func cancel(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.cancel, uuid) }

    @discardableResult
    public func setStateDone(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.setStateDone, uuid) }

    /// Marks the order erred; both fields are always sent (older servers fail without one).
    @discardableResult
    public func setStateErred(_ uuid: WaldurUUID, errorMessage: String, errorTraceback: String = "") async throws(WaldurError) -> ActionResult {
        try await perform(.setStateErred, uuid, body: .object([("error_message", .string(errorMessage)), ("error_traceback", .string(errorTraceback))]))
    }

    @discardableResult
    public func setStateExecuting(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.setStateExecuting, uuid) }

    @discardableResult
    public func setBackendID(_ uuid: WaldurUUID, backendID: String) async throws(WaldurError) -> ActionResult {
        try await perform(.setBackendID, uuid, body: .object([("backend_id", .string(backendID))]))
    }

    /// Uploads `data` as the order's attachment (multipart/form-data); answers the attachment URL when the server sends one.
    @discardableResult
    public func updateAttachment(_ uuid: WaldurUUID, filename: String, contentType: String = "application/octet-stream", data: [UInt8],
                                 boundary: String = MultipartForm.randomBoundary()) async throws(WaldurError) -> String? {
        var form = MultipartForm(boundary: boundary)
        form.addFile(name: "attachment", filename: filename, contentType: contentType, data: data)
        let request = HTTPRequest(method: "POST", url: ordersURL(uuid, action: "update_attachment"),
                                  headers: [("Content-Type", form.contentType)], body: form.body)
        let response = try await perform(request)
        guard !response.body.isEmpty, let json = try? JSONParser.parse(response.body) else { return nil }
        return json["attachment"]?.stringValue
    }

    @discardableResult
    public func deleteAttachment(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult { try await perform(.deleteAttachment, uuid) }

    func actionResult(_ response: HTTPResponse) -> ActionResult {
        let detail = response.body.isEmpty ? nil : (try? JSONParser.parse(response.body))?["detail"]?.stringValue
        return ActionResult(status: response.status, detail: detail)
    }

    func jsonRequest(_ method: String, _ url: URL, _ body: JSONValue) -> HTTPRequest {
        HTTPRequest(method: method, url: url, headers: [("Content-Type", "application/json")], body: JSONWriter.bytes(body))
    }

    func decodeJSON(_ response: HTTPResponse) throws(WaldurError) -> JSONValue {
        do { return try JSONParser.parse(response.body) } catch {
            throw WaldurError.undecodable(JSONDecodingError(path: "", reason: response.body.isEmpty ? "the body was empty" : error.description))
        }
    }

    // MARK: Sending, with retries for reads

    /// Sends a request with auth, timeout (`timeout`, else the configured one) and (for GET) the retry policy; maps
    /// error statuses to `WaldurError.http`. A read that timed out is asked again with twice the time: the server
    /// was still working on it.
    public func perform(_ base: HTTPRequest, timeout: TimeInterval? = nil) async throws(WaldurError) -> HTTPResponse {
        var request = base
        request.timeout = timeout ?? configuration.requestTimeout
        var headers: [(String, String)] = [("Accept", "application/json"), ("User-Agent", configuration.userAgent)]
        if let token = configuration.token { headers.append(("Authorization", token.authorizationHeader)) }
        request.headers = headers + base.headers
        let idempotent = request.method == "GET" || request.method == "HEAD"
        let policy = configuration.retryPolicy
        var attempt = 0
        while true {
            if Task.isCancelled { throw WaldurError.cancelled }
            let outcome: Result<HTTPResponse, WaldurError>
            do { outcome = .success(try await transport.send(request)) } catch { outcome = .failure(error.redacting(configuration.token?.secret)) }
            attempt += 1
            switch outcome {
            case let .success(response) where (200..<300).contains(response.status):
                return response
            case let .success(response):
                let retryAfter = response.header("Retry-After").flatMap { RetryAfter.seconds($0) }
                let error = WaldurError.http(status: response.status,
                                             serverMessage: WaldurError.serverMessage(from: response.body, contentType: response.header("Content-Type")),
                                             retryAfter: retryAfter).redacting(configuration.token?.secret)
                guard idempotent, attempt <= policy.maxRetries else { throw error }
                switch response.status {
                case 429:
                    let wait = min(retryAfter ?? policy.delay(forAttempt: attempt), policy.maxRetryAfter)
                    try await pause(wait)
                case 502, 503, 504:
                    try await pause(retryAfter.map { min($0, policy.maxRetryAfter) } ?? policy.delay(forAttempt: attempt))
                default:
                    throw error
                }
            case let .failure(error):
                guard idempotent, attempt <= policy.maxRetries, case let .transport(kind, _) = error,
                      kind == .connectionRefused || kind == .connectionLost || kind == .timeout || kind == .other else { throw error }
                if kind == .timeout { request.timeout *= 2 }
                try await pause(policy.delay(forAttempt: attempt))
            }
        }
    }

    func pause(_ seconds: TimeInterval) async throws(WaldurError) {
        do { try await sleep(seconds) } catch { throw WaldurError.cancelled }
    }
}

extension Task where Success == Never, Failure == Never {
    static func checkCancellation(orThrow error: WaldurError) throws(WaldurError) {
        if Task.isCancelled { throw error }
    }
}

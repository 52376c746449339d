import Foundation
import WaldurClient

/// An in-memory transport that records requests and answers from a script, for exact request-encoding checks.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _requests: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest) -> HTTPResponse

    init(answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: 200, body: Array("[]".utf8)) }) {
        self.answer = answer
    }

    var requests: [HTTPRequest] { lock.withLock { _requests } }

    func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse {
        lock.withLock { _requests.append(request) }
        return answer(request)
    }
}

extension WaldurClient {
    static func testing(_ transport: any HTTPTransport, root: String = "https://waldur.example/api/", token: String? = "t0ken",
                        retry: RetryPolicy = RetryPolicy(maxRetries: 2, baseDelay: 0.001, maxDelay: 0.002), timeout: TimeInterval = 5) -> WaldurClient {
        let url = URL(string: root) ?? URL(fileURLWithPath: "/")
        return WaldurClient(configuration: ClientConfiguration(apiRoot: url, token: token.map(APIToken.init), requestTimeout: timeout, retryPolicy: retry),
                            transport: transport)
    }
}

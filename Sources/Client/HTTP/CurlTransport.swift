import Foundation

/// The default transport: libcurl's easy interface on a few threads that keep their connections open. Each
/// exchange blocks one of those threads (never the task pool) until the whole answer is in; idle threads sleep,
/// so waiting for a slow server costs no CPU, and a body is handed over once, not chunk by chunk across queues.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let workers: CurlWorkers

    /// At most `maxConnections` exchanges at once (and as many open connections); more wait in turn.
    public init(maxConnections: Int = 6) {
        workers = CurlWorkers(maxThreads: maxConnections)
    }

    deinit { workers.close() }

    public func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse {
        let cancel = CancelFlag()
        let workers = self.workers
        let result: Result<HTTPResponse, WaldurError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                workers.submit(CurlWorkers.Job(request: request, cancel: cancel, finish: { continuation.resume(returning: $0) }))
            }
        } onCancel: {
            cancel.set()
        }
        return try result.get()
    }
}

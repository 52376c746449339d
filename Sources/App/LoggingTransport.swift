import Foundation
import Logging
import WaldurClient

/// Logs each request's method, path, status and duration (never headers, bodies or the token), then forwards it.
struct LoggingTransport: HTTPTransport {
    let base: any HTTPTransport
    let logger: Logger

    func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        do {
            let response = try await base.send(request)
            let ms = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            logger.info("\(request.method) \(path) → \(response.status) in \(ms) ms")
            return response
        } catch {
            let ms = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            logger.warning("\(request.method) \(path) failed after \(ms) ms: \(error.message)")
            throw error
        }
    }
}

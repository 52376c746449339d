import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: Foundation's URLSession (libcurl on Linux).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    public init(maxConnectionsPerHost: Int = 6) {
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        self.session = URLSession(configuration: config)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        if let body = request.body { urlRequest.httpBody = Data(body) }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw WaldurError.transport(.other, detail: "the answer was not HTTP")
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let k = key as? String, let v = value as? String { headers[k.lowercased()] = v }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data))
        } catch let error as WaldurError {
            throw error
        } catch is CancellationError {
            throw WaldurError.cancelled
        } catch let error as URLError {
            throw URLSessionTransport.map(error, host: request.url.host ?? "")
        } catch {
            throw WaldurError.transport(.other, detail: String(describing: type(of: error)))
        }
    }

    static func map(_ error: URLError, host: String) -> WaldurError {
        switch error.code {
        case .cancelled: return .cancelled
        case .cannotFindHost, .dnsLookupFailed: return .transport(.nameResolution, detail: host)
        case .cannotConnectToHost: return .transport(.connectionRefused, detail: host)
        case .timedOut: return .transport(.timeout, detail: host)
        case .networkConnectionLost, .notConnectedToInternet: return .transport(.connectionLost, detail: host)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return .transport(.tls, detail: host)
        case .badServerResponse, .zeroByteResource, .cannotParseResponse: return .transport(.connectionLost, detail: "\(host): incomplete answer")
        default: return .transport(.other, detail: "\(host): URLError \(error.code.rawValue)")
        }
    }
}

import CCurl
import Foundation

/// One blocking HTTP exchange through libcurl, and the mapping of its answer and errors.
enum CurlExchange {
    /// Sends `request` on `handle` and waits for the whole answer.
    static func perform(_ request: HTTPRequest, handle: UnsafeMutableRawPointer, cancel: CancelFlag) -> Result<HTTPResponse, WaldurError> {
        let host = request.url.host ?? ""
        let lines = request.headers.map { "\($0.0): \($0.1)" }
        var response = ccurl_response()
        let timeoutMS = Int(max(1, (request.timeout * 1000).rounded(.up)).clamped(to: 1...Double(Int32.max)))
        let code: CInt = withCStrings(lines) { headers in
            request.url.absoluteString.withCString { url in
                request.method.withCString { method in
                    let send: (UnsafePointer<UInt8>?, Int) -> CInt = { body, count in
                        ccurl_perform(handle, method, url, headers.baseAddress, headers.count, body, count, timeoutMS,
                                      cancel.pointer, &response)
                    }
                    if let body = request.body { return body.withUnsafeBufferPointer { send($0.baseAddress, $0.count) } }
                    return send(nil, 0)
                }
            }
        }
        defer { ccurl_free(&response) }
        guard code == 0 else { return .failure(error(code, host: host, cancelled: cancel.isSet)) }
        let body = response.body.map { [UInt8](UnsafeBufferPointer(start: $0, count: response.body_length)) } ?? []
        let head = response.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: response.headers_length), as: UTF8.self) } ?? ""
        return .success(HTTPResponse(status: Int(response.status), headers: headerFields(head), body: body))
    }

    /// The header lines of a response head (the status line skipped); a repeated name joins its values with ", ".
    static func headerFields(_ head: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in head.split(whereSeparator: \.isNewline) {  // "\r\n" is one Character
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("HTTP/") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            out[name] = out[name].map { $0 + ", " + value } ?? value
        }
        return out
    }

    /// The client's error for a libcurl result code (never the URL or headers, so never the token).
    static func error(_ code: CInt, host: String, cancelled: Bool) -> WaldurError {
        if cancelled { return .cancelled }
        switch CURLcode(rawValue: UInt32(bitPattern: code)) {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .transport(.nameResolution, detail: host)
        case CURLE_COULDNT_CONNECT: return .transport(.connectionRefused, detail: host)
        case CURLE_OPERATION_TIMEDOUT: return .transport(.timeout, detail: host)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            return .transport(.tls, detail: host)
        case CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY:
            return .transport(.connectionLost, detail: "\(host): incomplete answer")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR: return .transport(.connectionLost, detail: host)
        default: return .transport(.other, detail: "\(host): libcurl error \(code)")
        }
    }

    /// Runs `body` with NUL-terminated copies of `strings`, valid for the call.
    static func withCStrings<R>(_ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { for c in copies { free(c) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer(body)
    }
}

extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The socket side of the small test servers: listens on 127.0.0.1 (an ephemeral port), reads each request's head and
/// answers it with what `respond` gives for the head's text (status line and headers), one request per connection.
final class LoopbackHTTPListener: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32

    /// `respond` gets the request head and answers (status, reason, JSON body).
    init(respond: @escaping @Sendable (String) -> (status: Int, reason: String, body: String)) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        Thread.detachNewThread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                LoopbackHTTPListener.answer(client, respond)
            }
        }
    }

    /// The API root on this listener.
    var url: String { "http://127.0.0.1:\(port)/api/" }

    private static func answer(_ client: Int32, _ respond: (String) -> (status: Int, reason: String, body: String)) {
        defer { close(client) }
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains("\r\n\r\n".data(using: .utf8) ?? Data()) && request.count < 65536 {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { break }
            request.append(contentsOf: buffer[0..<n])
        }
        let answer = respond(String(decoding: request, as: UTF8.self))
        let bytes = Array(answer.body.utf8)
        let head = "HTTP/1.1 \(answer.status) \(answer.reason)\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let out = Array(head.utf8) + bytes
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            sent += n
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

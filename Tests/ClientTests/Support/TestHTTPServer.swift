import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for exercising the client's HTTP layer over a real socket.
/// Each connection serves one request (Connection: close); the handler decides the answer.
final class TestHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        /// Path and query as sent.
        var target: String
        var headers: [String: String]
        var body: [UInt8]
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Close the connection without answering.
        case drop
        /// Wait, then answer.
        case delayed(TimeInterval, status: Int, body: [UInt8])
    }

    private let lock = NSLock()
    private var _requests: [Request] = []
    private let handler: @Sendable (Request, Int) -> Reply
    private let listenFD: Int32
    let port: UInt16
    private var stopped = false

    var requests: [Request] { lock.withLock { _requests } }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `handler` gets each request and its 0-based index.
    init(handler: @escaping @Sendable (Request, Int) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var out = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &out) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        self.listenFD = fd
        self.port = UInt16(bigEndian: out.sin_port)
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    /// Closes the listening socket once; later calls do nothing (a second close could hit a descriptor reused by someone else).
    func stop() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        // Only shut down here: the accept loop closes the descriptor itself, so its number cannot be reused under it.
        shutdown(listenFD, Int32(SHUT_RDWR))
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { close(listenFD) }
        while true {
            let client = accept(listenFD, nil, nil)
            if client < 0 { return }
            if lock.withLock({ stopped }) { close(client); return }
            // The listening socket may have been closed and its number reused; never serve on a stopped server.
            let thread = Thread { [self] in self.serve(client) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            // Half-close and drain so the kernel never answers unread bytes with a reset that would eat the reply.
            shutdown(fd, Int32(SHUT_WR))
            var tv = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var scratch = [UInt8](repeating: 0, count: 4096)
            while recv(fd, &scratch, scratch.count, 0) > 0 {}
            close(fd)
        }
        guard let request = readRequest(fd) else { return }
        let index: Int = lock.withLock {
            _requests.append(request)
            return _requests.count - 1
        }
        switch handler(request, index) {
        case .drop:
            return
        case let .delayed(seconds, status, body):
            Thread.sleep(forTimeInterval: seconds)
            write(fd, status: status, headers: [("Content-Type", "application/json")], body: body)
        case let .respond(status, headers, body):
            write(fd, status: status, headers: headers, body: body)
        }
    }

    private func write(_ fd: Int32, status: Int, headers: [(String, String)], body: [UInt8]) {
        var head = "HTTP/1.1 \(status) X\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer += chunk[0..<n]
            headerEnd = find(buffer, Array("\r\n\r\n".utf8))
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[(end + 4)...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            body += chunk[0..<n]
        }
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }
}

extension TestHTTPServer.Reply {
    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Self {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }
}

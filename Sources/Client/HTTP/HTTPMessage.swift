import Foundation

/// One HTTP request as the client builds it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    /// Header fields in the order they are sent.
    public var headers: [(String, String)]
    public var body: [UInt8]?
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [(String, String)] = [], body: [UInt8]? = nil, timeout: TimeInterval = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public func header(_ name: String) -> String? {
        headers.last(where: { $0.0.lowercased() == name.lowercased() })?.1
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body && a.timeout == b.timeout
            && a.headers.map { "\($0.0):\($0.1)" } == b.headers.map { "\($0.0):\($0.1)" }
    }
}

/// One HTTP response; header names are looked up case-insensitively.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, b in a + ", " + b })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends requests; the seam that tests and fault injection replace.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(WaldurError) -> HTTPResponse
}

/// A `multipart/form-data` body (RFC 7578) with file parts, built byte for byte.
public struct MultipartForm: Sendable {
    public let boundary: String
    private(set) var parts: [[UInt8]] = []

    public init(boundary: String) { self.boundary = boundary }

    /// A boundary that is random enough not to occur in a file.
    public static func randomBoundary() -> String {
        "waldur-orders-" + (0..<24).map { _ in String("0123456789abcdef".randomElement() ?? "0") }.joined()
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    public mutating func addFile(name: String, filename: String, contentType: String, data: [UInt8]) {
        var part = Array("--\(boundary)\r\n".utf8)
        part += Array("Content-Disposition: form-data; name=\"\(Self.quote(name))\"; filename=\"\(Self.quote(filename))\"\r\n".utf8)
        part += Array("Content-Type: \(contentType)\r\n\r\n".utf8)
        part += data
        part += Array("\r\n".utf8)
        parts.append(part)
    }

    public mutating func addField(name: String, value: String) {
        var part = Array("--\(boundary)\r\n".utf8)
        part += Array("Content-Disposition: form-data; name=\"\(Self.quote(name))\"\r\n\r\n".utf8)
        part += Array(value.utf8)
        part += Array("\r\n".utf8)
        parts.append(part)
    }

    public var body: [UInt8] { parts.flatMap { $0 } + Array("--\(boundary)--\r\n".utf8) }

    /// Escapes quotes and line breaks in a parameter value, as browsers do.
    static func quote(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}

import Foundation

/// A parsed `multipart/form-data` body: text fields and file parts.
struct MultipartBody: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var data: [UInt8]
    }

    var parts: [Part] = []

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        for piece in contentType.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            if kv.count == 2, kv[0].lowercased() == "boundary" {
                var v = kv[1]
                if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                return v.isEmpty ? nil : v
            }
        }
        return nil
    }

    /// Parses RFC 7578 bodies; nil when the framing is broken.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        guard let first = Self.find(delimiter, in: body, from: 0) else { return nil }
        var pos = first + delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if pos + 2 <= body.count, body[pos] == UInt8(ascii: "-"), body[pos + 1] == UInt8(ascii: "-") { return }
            guard pos + 2 <= body.count, body[pos] == 13, body[pos + 1] == 10 else { return nil }
            pos += 2
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: pos) else { return nil }
            let headerText = String(decoding: body[pos..<headerEnd], as: UTF8.self)
            let dataStart = headerEnd + 4
            guard let next = Self.find([13, 10] + delimiter, in: body, from: dataStart) else { return nil }
            var part = Part(name: "", filename: nil, contentType: nil, data: Array(body[dataStart..<next]))
            for line in headerText.split(separator: "\r\n") {
                let kv = line.split(separator: ":", maxSplits: 1)
                guard kv.count == 2 else { continue }
                let name = kv[0].lowercased().trimmed
                let value = String(kv[1]).trimmed
                if name == "content-disposition" {
                    for param in value.split(separator: ";").dropFirst() {
                        let p = param.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
                        guard p.count == 2 else { continue }
                        var v = p[1]
                        if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                        if p[0].lowercased() == "name" { part.name = v }
                        if p[0].lowercased() == "filename" { part.filename = v }
                    }
                } else if name == "content-type" {
                    part.contentType = value
                }
            }
            parts.append(part)
            pos = next + 2 + delimiter.count
        }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        let first = needle[0]
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

import WaldurClient

/// Writes `JSONValue` as compact JSON bytes, byte-identical to the client's `JSONWriter` but with a
/// fast path for strings that need no escaping (most of a list page).
enum ByteJSONWriter {
    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += [110, 117, 108, 108]
        case let .bool(b): out += b ? [116, 114, 117, 101] : [102, 97, 108, 115, 101]
        case let .number(n): out += n.utf8
        case let .string(s): writeString(s, into: &out)
        case let .array(items):
            out.append(91)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(44) }
                write(item, into: &out)
            }
            out.append(93)
        case let .object(members):
            out.append(123)
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(44) }
                writeString(key, into: &out)
                out.append(58)
                write(item, into: &out)
            }
            out.append(125)
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        let done: Bool = s.withUTF8 { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
                if b == 0xC2, i + 1 < n, buf[i + 1] >= 0x80, buf[i + 1] <= 0x9F { return false }
                if b == 0xE2, i + 2 < n, buf[i + 1] == 0x80, buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9 { return false }
                i += 1
            }
            out.append(34)
            out.append(contentsOf: buf)
            out.append(34)
            return true
        }
        if !done {
            var text = ""
            JSONWriter.writeString(s, into: &text)
            out += text.utf8
        }
    }
}

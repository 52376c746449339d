import WaldurClient

/// A uuid as 128 bits (a well-formed hex uuid), or a 128-bit hash of the text for malformed ones.
/// Trivially copyable, so rows and indexes need no reference counting.
struct RowKey: Hashable, Sendable {
    var hi: UInt64
    var lo: UInt64
    var irregular: Bool

    init(_ uuid: WaldurUUID) {
        let bytes = Array(uuid.hex.utf8)
        if bytes.count == 32, let hi = RowKey.parse(bytes[0..<16]), let lo = RowKey.parse(bytes[16..<32]) {
            self.hi = hi
            self.lo = lo
            irregular = false
        } else {
            // FNV-1a twice with different offsets.
            var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 7
            }
            hi = a
            lo = b
            irregular = true
        }
    }

    static func parse(_ digits: ArraySlice<UInt8>) -> UInt64? {
        var v: UInt64 = 0
        for c in digits {
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 97...102: d = c - 87
            default: return nil
            }
            v = v << 4 | UInt64(d)
        }
        return v
    }

    /// 32 lower-case hex digits.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 32)
        for k in 0..<16 {
            out[15 - k] = digits[Int((hi >> (UInt64(k) * 4)) & 0xF)]
            out[31 - k] = digits[Int((lo >> (UInt64(k) * 4)) & 0xF)]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the hex form starts with `prefix` (hex digits only, at most 32).
    func hasHexPrefix(_ prefix: (value: (UInt64, UInt64), length: Int)) -> Bool {
        let n = prefix.length
        if n == 0 { return true }
        if n <= 16 {
            let shift = UInt64(64 - 4 * n)
            return hi >> shift == prefix.value.0 >> shift
        }
        guard hi == prefix.value.0 else { return false }
        let shift = UInt64(64 - 4 * (n - 16))
        return n == 32 ? lo == prefix.value.1 : lo >> shift == prefix.value.1 >> shift
    }

    /// A hex prefix as left-aligned 128 bits and its length in digits; nil when not hex or longer than 32.
    static func hexPrefix(_ text: String) -> (value: (UInt64, UInt64), length: Int)? {
        let bytes = Array(text.utf8.filter { $0 != UInt8(ascii: "-") })
        guard !bytes.isEmpty, bytes.count <= 32 else { return nil }
        var padded = bytes
        padded += [UInt8](repeating: 48, count: 32 - bytes.count)
        guard let hi = parse(padded[0..<16]), let lo = parse(padded[16..<32]) else { return nil }
        return ((hi, lo), bytes.count)
    }
}

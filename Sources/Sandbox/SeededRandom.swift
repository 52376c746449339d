/// A small deterministic PRNG (SplitMix64) so seeded data is identical for a given seed on every platform.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// 32 lower-case hex digits shaped like a version-4 UUID.
    mutating func uuidPair() -> UUIDKey {
        let hi = (next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return UUIDKey(hi: hi, lo: lo)
    }

    /// `count` lower-case hex digits.
    mutating func hex(_ count: Int) -> String {
        var out = ""
        while out.count < count {
            let v = next()
            out += String(v, radix: 16).leftPadded(16)
        }
        return String(out.prefix(count))
    }
}

/// A UUID as two 64-bit halves: compact to store, hashed cheaply, rendered as 32 hex digits.
struct UUIDKey: Hashable, Sendable {
    let hi: UInt64
    let lo: UInt64

    /// Lower-case 32 hex digits, the form Waldur renders.
    var hex: String { String(hi, radix: 16).leftPadded(16) + String(lo, radix: 16).leftPadded(16) }

    /// Parses 32 hex digits, with or without the four hyphens, any case; nil otherwise.
    init?(parsing text: Substring) {
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        let bytes = Array(text.utf8)
        guard bytes.count == 32 || bytes.count == 36 else { return nil }
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "-") {
                guard bytes.count == 36, [8, 13, 18, 23].contains(i) else { return nil }
                continue
            }
            switch b {
            case 48...57: digits.append(b - 48)
            case 97...102: digits.append(b - 87)
            case 65...70: digits.append(b - 55)
            default: return nil
            }
        }
        guard digits.count == 32 else { return nil }
        var hi: UInt64 = 0, lo: UInt64 = 0
        for d in digits[0..<16] { hi = hi << 4 | UInt64(d) }
        for d in digits[16..<32] { lo = lo << 4 | UInt64(d) }
        self.hi = hi
        self.lo = lo
    }

    init?(parsing text: String) { self.init(parsing: Substring(text)) }

    init(hi: UInt64, lo: UInt64) {
        self.hi = hi
        self.lo = lo
    }
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

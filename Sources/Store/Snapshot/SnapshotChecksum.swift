/// A 64-bit checksum over bytes, eight at a time (detects torn or altered files; not a cryptographic hash).
enum SnapshotChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        var i = 0
        while i < words {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            i += 1
        }
        for k in (words * 8)..<bytes.count {
            h = (h ^ UInt64(bytes[k])) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 32)
    }
}

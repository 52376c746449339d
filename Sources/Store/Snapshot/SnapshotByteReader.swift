/// Reads what `SnapshotByteWriter` wrote, checking every length against the end of the buffer.
struct SnapshotByteReader {
    let base: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int

    init(_ base: UnsafeRawBufferPointer, from: Int = 0, end: Int? = nil) {
        self.base = base
        offset = from
        self.end = min(end ?? base.count, base.count)
    }

    var remaining: Int { end - offset }

    mutating func u8() throws(SnapshotError) -> UInt8 {
        guard offset < end else { throw .truncated }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func u32() throws(SnapshotError) -> UInt32 {
        guard end - offset >= 4 else { throw .truncated }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() throws(SnapshotError) -> UInt64 {
        guard end - offset >= 8 else { throw .truncated }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func f64() throws(SnapshotError) -> Double { Double(bitPattern: try u64()) }

    mutating func varint() throws(SnapshotError) -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw .truncated }
            let b = base[offset]
            offset += 1
            guard shift < 64 else { throw .corrupt("a number is too long") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// A varint that must fit in 32 bits (a pool id).
    mutating func id() throws(SnapshotError) -> UInt32 {
        let v = try varint()
        guard v <= UInt64(UInt32.max) else { throw .corrupt("an id is out of range") }
        return UInt32(v)
    }

    mutating func zigzag() throws(SnapshotError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    /// A length-prefixed UTF-8 text (invalid sequences are replaced, never trusted).
    mutating func text() throws(SnapshotError) -> String { String(decoding: try bytes(), as: UTF8.self) }

    /// Length-prefixed bytes, in place.
    mutating func bytes() throws(SnapshotError) -> UnsafeRawBufferPointer {
        let n = try varint()
        guard n <= UInt64(end - offset) else { throw .truncated }
        let count = Int(n)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + count])
    }

    /// `count` bytes, in place.
    mutating func bytes(_ count: Int) throws(SnapshotError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= end - offset else { throw .truncated }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + count])
    }
}

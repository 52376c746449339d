import Foundation

/// The snapshot file format, version 3 (all integers little-endian):
///
///     magic "WOSNAPSH" · format version u32 · written at f64 · row count u64 · string count u64
///     · server (varint length + UTF-8) · user (varint length + UTF-8)
///     · field count (varint) · the list fields the rows were loaded with (varint length + UTF-8 each)
///     · strings 1..<count (id 0 is the empty string), each: varint length + UTF-8, then its folded bytes (the
///       search form, `TextFolding`): varint 0 when they equal the UTF-8, else varint length + 1 and the bytes
///       (stored so that a read builds the pool without folding or hashing strings twice)
///     · rows (`SnapshotRowCodec`) · checksum u64 over everything before it
///
/// A reader checks the magic, the version, the identity, the checksum, every length against the end and every id
/// against the names before it builds anything.
enum SnapshotCodec {
    static func encode(_ snapshot: OrderSnapshot) -> [UInt8] {
        let h = snapshot.header
        var w = SnapshotByteWriter(capacity: 64 + snapshot.rows.count * 112 + snapshot.pool.count * 24)
        w.bytes += SnapshotHeader.magic
        w.u32(SnapshotHeader.formatVersion)
        w.f64(h.writtenAt.timeIntervalSince1970)
        w.u64(UInt64(snapshot.rows.count))
        w.u64(UInt64(snapshot.pool.count))
        w.text(h.server)
        w.text(h.user)
        w.varint(UInt64(h.fields.count))
        for f in h.fields { w.text(f) }
        let values = snapshot.pool.values
        for i in 1..<max(1, values.count) {
            w.text(values[i])
            let folded = snapshot.pool.folded(UInt32(i))
            if folded.elementsEqual(values[i].utf8) {
                w.varint(0)
            } else {
                w.varint(UInt64(folded.count) + 1)
                w.bytes += folded
            }
        }
        for row in snapshot.rows { SnapshotRowCodec.write(row, to: &w) }
        let sum = w.bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
        w.u64(sum)
        return w.bytes
    }

    /// Reads the header only (the magic and version first).
    static func header(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> (SnapshotHeader, bodyOffset: Int) {
        var r = SnapshotByteReader(bytes)
        let magic = SnapshotHeader.magic
        guard bytes.count >= magic.count else { throw bytes.elementsEqual(magic.prefix(bytes.count)) && !bytes.isEmpty ? .truncated : .notASnapshot }
        for b in magic {
            guard try r.u8() == b else { throw .notASnapshot }
        }
        let version = try r.u32()
        guard version == SnapshotHeader.formatVersion else { throw .foreignVersion(version) }
        let writtenAt = try r.f64()
        let rowCount = try r.u64()
        let stringCount = try r.u64()
        guard writtenAt.isFinite else { throw .corrupt("the time written is not a time") }
        // Every row takes at least 24 bytes and every string one: counts the file cannot hold are corrupt or cut.
        guard rowCount <= UInt64(bytes.count / 24), stringCount >= 1, stringCount - 1 <= UInt64(bytes.count),
              stringCount <= UInt64(UInt32.max) else { throw .truncated }
        let server = try r.text()
        let user = try r.text()
        let fieldCount = try r.varint()
        guard fieldCount <= 1024 else { throw .corrupt("\(fieldCount) list fields") }
        var fields: [String] = []
        for _ in 0..<fieldCount { fields.append(try r.text()) }
        var header = SnapshotHeader(server: server, user: user, writtenAt: Date(timeIntervalSince1970: writtenAt),
                                    rowCount: Int(rowCount), stringCount: Int(stringCount))
        header.fields = fields
        return (header, r.offset)
    }

    /// Reads a whole snapshot written for `identity` (nil: any).
    static func decode(_ bytes: UnsafeRawBufferPointer, expecting identity: SnapshotIdentity?) throws(SnapshotError) -> OrderSnapshot {
        let (header, bodyOffset) = try header(bytes)
        if let identity, !header.matches(identity) { throw .foreignIdentity(server: header.server, user: header.user) }
        guard bytes.count >= bodyOffset + 8 else { throw .truncated }
        let end = bytes.count - 8
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: end, as: UInt64.self))
        guard SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) == stored else {
            // A cut file mostly shows as a checksum failure; say truncated when the body cannot be complete.
            throw try bodyIsShort(bytes, header: header, from: bodyOffset, end: end) ? .truncated : .checksumMismatch
        }
        var r = SnapshotByteReader(bytes, from: bodyOffset, end: end)
        var pool = StringPool()
        pool.reserveCapacity(strings: header.stringCount - 1, bytes: 0)
        for _ in 1..<header.stringCount {
            let raw = try r.bytes()
            let foldedLength = try r.varint()
            guard foldedLength <= UInt64(r.remaining) + 1 else { throw .truncated }
            let folded = foldedLength == 0 ? raw : try r.bytes(Int(foldedLength) - 1)
            pool.appendUnindexed(raw: raw, folded: folded)
        }
        guard pool.indexAppended() else { throw .corrupt("a name is empty or repeated") }
        var rows: [OrderRow] = []
        rows.reserveCapacity(header.rowCount)
        let names = UInt32(header.stringCount)
        for _ in 0..<header.rowCount { rows.append(try SnapshotRowCodec.read(&r, names: names)) }
        guard r.remaining == 0 else { throw .corrupt("\(r.remaining) bytes after the last row") }
        var snapshot = OrderSnapshot(identity: SnapshotIdentity(server: header.server, user: header.user), writtenAt: header.writtenAt,
                                     rows: rows, pool: pool)
        snapshot.header = header
        return snapshot
    }

    /// Reads a whole snapshot from bytes in memory.
    static func decode(_ bytes: [UInt8], expecting identity: SnapshotIdentity?) throws(SnapshotError) -> OrderSnapshot {
        try bytes.withUnsafeBytes { b in Result { () throws(SnapshotError) in try decode(b, expecting: identity) } }.get()
    }

    /// Whether the declared strings and rows cannot fit in what is left (walks the body without building anything).
    static func bodyIsShort(_ bytes: UnsafeRawBufferPointer, header: SnapshotHeader, from: Int, end: Int) throws(SnapshotError) -> Bool {
        var r = SnapshotByteReader(bytes, from: from, end: bytes.count)
        do {
            for _ in 1..<max(1, header.stringCount) {
                _ = try r.bytes()
                let foldedLength = try r.varint()
                if foldedLength > 0 { _ = try r.bytes(Int(clamping: foldedLength) - 1) }
            }
            for _ in 0..<header.rowCount { _ = try SnapshotRowCodec.read(&r, names: UInt32.max) }
        } catch .truncated {
            return true
        } catch {
            return false
        }
        return r.remaining < 8
    }
}

import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Collects log lines (the one line a skipped or unusable snapshot gets).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// The snapshot on disk: where it goes, who may read it, and every way a file can be unusable.
@Suite struct SnapshotFileTests {
    let alice = SnapshotIdentity(server: "https://waldur.example.com/api/", user: "alice")

    func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-tests-\(UUID().uuidString)", isDirectory: true)
    }

    func snapshot(_ numbers: ClosedRange<Int>, identity: SnapshotIdentity) -> OrderSnapshot {
        var pool = StringPool()
        let rows = numbers.map { OrderRow(makeOrder($0, project: "Project \($0 % 7)"), pool: &pool) }
        return OrderSnapshot(identity: identity, writtenAt: testNow, rows: rows, pool: pool)
    }

    /// Writes a snapshot, changes its bytes, and answers what reading it gave and logged.
    func readAfterDamage(_ damage: (inout [UInt8]) -> Void) throws -> (OrderSnapshot?, [String], SnapshotFile) {
        let log = LogLines()
        let file = SnapshotFile(directory: directory(), identity: alice, log: log.add)
        try file.write(snapshot(1...50, identity: alice))
        var bytes = [UInt8](try Data(contentsOf: file.url))
        damage(&bytes)
        try Data(bytes).write(to: file.url)
        return (file.read(), log.all, file)
    }

    @Test func writesAndReadsBack() throws {
        let file = SnapshotFile(directory: directory(), identity: alice)
        let s = snapshot(1...50, identity: alice)
        let size = try file.write(s)
        let onDisk = try Data(contentsOf: file.url).count
        #expect(size > 0 && size == onDisk)
        #expect(file.read() == s)
    }

    @Test func fileIsPrivate() throws {
        let file = SnapshotFile(directory: directory(), identity: alice)
        try file.write(snapshot(1...5, identity: alice))
        let mode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try file.write(snapshot(1...6, identity: alice))
        let again = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(again == 0o600, "a replaced file is private too")
    }

    @Test func corruptFileIsIgnoredOnceAndRebuilt() throws {
        let (read, lines, file) = try readAfterDamage { $0[$0.count / 2] ^= 0x5A }
        #expect(read == nil)
        #expect(lines.count == 1 && lines[0].contains("checksum"), "\(lines)")
        try file.write(snapshot(1...3, identity: alice))
        #expect(file.read()?.rows.count == 3, "the next write replaces it")
    }

    @Test func truncatedFilesAreIgnored() throws {
        for keep in [0, 5, 30, 200, 1000] {
            let (read, lines, _) = try readAfterDamage { $0 = Array($0.prefix(keep)) }
            #expect(read == nil, "cut at \(keep)")
            #expect(lines.count == 1, "cut at \(keep): \(lines)")
        }
        let (_, lines, _) = try readAfterDamage { $0 = Array($0.prefix($0.count / 2)) }
        #expect(lines.first?.contains("truncated") == true, "\(lines)")
    }

    @Test func foreignVersionIsIgnored() throws {
        let other = SnapshotHeader.formatVersion + 1
        let (read, lines, _) = try readAfterDamage { $0[8] = UInt8(other) }
        #expect(read == nil)
        #expect(lines.count == 1 && lines[0].contains("format version \(other)"), "\(lines)")
    }

    @Test func notASnapshotIsIgnored() throws {
        let (read, lines, _) = try readAfterDamage { $0 = Array("{\"sort\": 1}\n".utf8) }
        #expect(read == nil)
        #expect(lines.count == 1 && lines[0].contains("not a snapshot"), "\(lines)")
    }

    @Test func anotherServersOrUsersFileIsIgnoredAndRebuilt() throws {
        let dir = directory()
        let bob = SnapshotIdentity(server: alice.server, user: "bob")
        let otherServer = SnapshotIdentity(server: "https://other.example.com/api/", user: "alice")
        let aliceFile = SnapshotFile(directory: dir, identity: alice)
        try aliceFile.write(snapshot(1...10, identity: alice))
        for identity in [bob, otherServer] {
            let log = LogLines()
            let file = SnapshotFile(directory: dir, identity: identity, log: log.add)
            #expect(file.url != aliceFile.url, "one file per server and user")
            #expect(file.read() == nil, "no file of its own yet")
            // Alice's file under the other's name: the header says whose it is.
            try FileManager.default.copyItem(at: aliceFile.url, to: file.url)
            #expect(file.read() == nil)
            #expect(log.all.count == 1 && log.all[0].contains("written for alice on \(alice.server)"), "\(log.all)")
            try file.write(snapshot(20...22, identity: identity))
            #expect(file.read()?.header.user == identity.user)
        }
        #expect(aliceFile.read()?.rows.count == 10, "alice's own file is untouched")
    }

    @Test func concurrentWritersLeaveOneCompleteFile() async throws {
        let dir = directory()
        let first = snapshot(1...400, identity: alice)
        let second = snapshot(1000...1700, identity: alice)
        let file = SnapshotFile(directory: dir, identity: alice)
        await withTaskGroup(of: Void.self) { group in
            for s in [first, second] {
                group.addTask {
                    // Each writer is its own file value, as two instances would have.
                    let writer = SnapshotFile(directory: dir, identity: SnapshotIdentity(server: s.header.server, user: s.header.user))
                    for _ in 0..<25 { _ = try? writer.write(s) }
                }
            }
            group.addTask {
                // A reader meanwhile only ever sees a complete file (or none yet).
                for _ in 0..<50 {
                    if FileManager.default.fileExists(atPath: file.url.path) {
                        let read = file.read()
                        #expect(read == first || read == second)
                    }
                }
            }
        }
        let result = file.read()
        #expect(result == first || result == second, "one complete, valid file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test func abandonedTemporaryFilesAreRemoved() throws {
        let dir = directory()
        let file = SnapshotFile(directory: dir, identity: alice)
        try file.write(snapshot(1...3, identity: alice))
        let old = dir.appendingPathComponent(".\(file.url.lastPathComponent).999999.1.tmp")
        let young = dir.appendingPathComponent(".\(file.url.lastPathComponent).999999.2.tmp")
        try Data([1, 2, 3]).write(to: old)
        try Data([1, 2, 3]).write(to: young)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old.path)
        try file.write(snapshot(1...4, identity: alice))
        #expect(!FileManager.default.fileExists(atPath: old.path), "a killed writer's file goes")
        #expect(FileManager.default.fileExists(atPath: young.path), "a write in progress elsewhere stays")
    }

    @Test func overTheRowCapTheMostRecentRowsAreWritten() throws {
        let log = LogLines()
        let file = SnapshotFile(directory: directory(), identity: alice, maxRows: 10, log: log.add)
        try file.write(snapshot(1...30, identity: alice))
        let read = try #require(file.read())
        // makeOrder(n) is n hours old: the newest are 1...10.
        #expect(Set(read.rows.map { Int($0.key.lo) }) == Set(1...10))
        #expect(log.all.count == 1 && log.all[0].contains("over the cap"), "\(log.all)")
    }

    @Test func overTheByteCapNothingIsWritten() throws {
        let log = LogLines()
        let file = SnapshotFile(directory: directory(), identity: alice, maxBytes: 1000, log: log.add)
        #expect(try file.write(snapshot(1...30, identity: alice)) == 0)
        #expect(!FileManager.default.fileExists(atPath: file.url.path))
        #expect(log.all.count == 1 && log.all[0].contains("not written"), "\(log.all)")
    }
}

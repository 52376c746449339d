import Foundation
import Testing
import WaldurConfig

/// Many writers on one log file (issue 12: two instances sharing a state folder cut and interleaved lines).
@Suite struct AppendOnlyFileTests {
    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("append-\(UUID().uuidString)/waldur-orders.log")
    }

    @Test func concurrentWritersWithTheirOwnDescriptorsKeepEveryLineWhole() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let writers = 8, linesEach = 400
        // Each writer opens the file itself, as a second process would; lines of varied, large sizes.
        let files = (0..<writers).compactMap { _ in AppendOnlyFile(url: url) }
        try #require(files.count == writers)
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for n in 0..<linesEach {
                let filler = String(repeating: Character(UnicodeScalar(UInt8(97 + w))), count: 100 + (n * 37 % 3000))
                files[w].append(line: "writer=\(w) line=\(n) \(filler) end")
            }
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the file ends with a newline")
        let body = lines.dropLast()
        #expect(body.count == writers * linesEach, "no line lost")
        var seen = Set<String>()
        for line in body {
            let parts = line.split(separator: " ")
            // Whole: the header, one run of the writer's own letter, and the end marker.
            guard parts.count == 4, parts[3] == "end", parts[0].hasPrefix("writer="), let w = Int(parts[0].dropFirst(7)) else {
                Issue.record("cut or interleaved line: \(line.prefix(80))")
                continue
            }
            let letter = Character(UnicodeScalar(UInt8(97 + w)))
            #expect(parts[2].allSatisfy { $0 == letter }, "interleaved line: \(line.prefix(80))")
            seen.insert("\(parts[0]) \(parts[1])")
        }
        #expect(seen.count == writers * linesEach)
    }

    @Test func aNewFileIsPrivateAndOverlongLinesAreCutNotSplit() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let file = try #require(AppendOnlyFile(url: url))
        #expect(file.append(line: String(repeating: "é", count: 20_000)))
        #expect(file.append(line: "next\n"))
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].utf8.count < AppendOnlyFile.maxLineBytes)
        #expect(lines[0].hasSuffix("(line cut at 16 KB)"))
        #expect(lines[1] == "next")
    }
}

import Foundation
import Testing
import WaldurClient
import WaldurSandbox

/// The local snapshot through the real binary: the second start draws the cached orders while every list request
/// hangs (`stall=list`), marked as cached, and becomes fresh when the server answers; `list --cached` prints them.
@Suite(.serialized) struct SnapshotStartTests {
    @Test func secondStartDrawsCachedOrdersBeforeAnyListIsAnswered() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions())
        let token = sandbox.user(role: "staff")?.token ?? ""
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("waldur-e2e-cache-\(UUID().uuidString)")
        let environment = ["WALDUR_ACCESS_TOKEN": token, "XDG_CACHE_HOME": cache.path]
        let command = "\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0"
        let folder = cache.appendingPathComponent("waldur-orders")

        // First start: nothing cached; the full load fills the list, and the snapshot is written when it ends.
        do {
            let tmux = try Tmux(command, width: 80, height: 24, environment: environment)
            let loaded = try await tmux.waitFor { $0.contains("All 300") }
            try #require(loaded.contains("All 300"), "the list did not load:\n\(loaded)")
            #expect(!loaded.contains("cached"), "nothing was cached yet:\n\(loaded)")
            try tmux.send("q")
            let exited = try await tmux.waitFor { $0.contains("[exited") }
            #expect(exited.contains("[exited 0]"), "\(exited)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".snapshot") }
        try #require(files.count == 1, "one snapshot for this server and user: \(files)")
        let path = folder.appendingPathComponent(files[0]).path
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data(token.utf8)) == nil, "the token is never in the snapshot")

        // Second start with every list request hanging: the cached orders are drawn anyway, marked as cached.
        try await sandbox.setFaults("stall=list")
        let tmux = try Tmux(command, width: 80, height: 24, environment: environment)
        let cached = try await tmux.waitFor { $0.contains("All 300") && $0.contains("cached") }
        #expect(cached.contains("All 300"), "the cached orders are drawn while the list requests hang:\n\(cached)")
        #expect(cached.range(of: #"cached [0-9]+[smhd]"#, options: .regularExpression) != nil, "with the snapshot's age:\n\(cached)")
        try tmux.send("7")
        let all = try await tmux.waitFor { $0.contains("/300") }
        #expect(all.contains("/300") && all.contains("cached"), "the All queue lists the cached orders:\n\(all)")

        // `list --cached` prints them without a list request (they still hang).
        let listed = try Binary.run(["list", "--cached", "--format", "tsv", "--api-url", sandbox.url.absoluteString],
                                    environment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 301 && lines.first?.hasPrefix("uuid\tstate") == true, "a header and 300 orders: \(lines.count)")
        let erred = try Binary.run(["list", "--cached", "--state", "erred", "--format", "tsv", "--api-url", sandbox.url.absoluteString],
                                   environment: environment)
        let erredLines = erred.stdout.split(separator: "\n").dropFirst()
        #expect(!erredLines.isEmpty && erredLines.allSatisfy { $0.split(separator: "\t")[1] == "erred" }, "filters apply locally")

        // The server answers again: a reload makes the list fresh and the marker goes.
        try await sandbox.setFaults("none")
        try tmux.send("R")
        let fresh = try await tmux.waitFor(timeout: 30) { !$0.contains("cached") && $0.contains("updated") }
        #expect(!fresh.contains("cached") && fresh.contains("All 300"), "fresh after the server answered:\n\(fresh)")
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("[exited") }
        await sandbox.stop()
    }

    @Test func noCacheNeitherReadsNorWrites() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions())
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("waldur-e2e-cache-\(UUID().uuidString)")
        let environment = ["WALDUR_ACCESS_TOKEN": sandbox.user(role: "staff")?.token ?? "", "XDG_CACHE_HOME": cache.path]
        let tmux = try Tmux("\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0 --no-cache",
                            width: 80, height: 24, environment: environment)
        let loaded = try await tmux.waitFor { $0.contains("All 300") }
        #expect(loaded.contains("All 300"))
        try tmux.send("q")
        _ = try await tmux.waitFor { $0.contains("[exited") }
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("waldur-orders").path), "nothing written")
        let listed = try Binary.run(["list", "--cached", "--api-url", sandbox.url.absoluteString], environment: environment)
        #expect(listed.status != 0 && listed.stderr.contains("no usable local snapshot"), "\(listed.stderr)")
        await sandbox.stop()
    }

    @Test("two instances of the app for the same server and user, reloading and quitting at once, leave one complete snapshot")
    func twoInstancesWritingAtOnceLeaveOneCompleteSnapshot() async throws {
        var options = SandboxOptions()
        options.orderCount = 3000
        let sandbox = try await Sandbox.start(options)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("waldur-e2e-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["WALDUR_ACCESS_TOKEN": sandbox.user(role: "staff")?.token ?? "", "XDG_CACHE_HOME": cache.path]
        let command = "\(Binary.url.path) --api-url \(sandbox.url.absoluteString) --refresh 0"
        let folder = cache.appendingPathComponent("waldur-orders")
        let first = try Tmux(command, width: 160, height: 30, environment: environment)
        let second = try Tmux(command, width: 160, height: 30, environment: environment)
        for tmux in [first, second] {
            let loaded = try await tmux.waitFor(timeout: 60) { $0.contains("All 3,000") && $0.contains("updated") }
            try #require(loaded.contains("All 3,000"), "the list did not load:\n\(loaded)")
        }
        // Each reload ends with a snapshot write; both processes write the same file again and again, then at exit.
        for _ in 0..<6 {
            try first.send("R")
            try second.send("R")
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        try first.send("q")
        try second.send("q")
        for tmux in [first, second] {
            let exited = try await tmux.waitFor(timeout: 30) { $0.contains("[exited") }
            #expect(exited.contains("[exited 0]"), "\(exited)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.filter { $0.hasSuffix(".snapshot") }.count == 1, "one snapshot for this server and user: \(names)")
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary file is left behind: \(names)")
        let file = try #require(names.first { $0.hasSuffix(".snapshot") })
        #expect(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? Int == 0o600)
        // The file is complete: every order comes back from it, without the server (every list request hangs).
        try await sandbox.setFaults("stall=list")
        let listed = try Binary.run(["list", "--cached", "--format", "tsv", "--api-url", sandbox.url.absoluteString], environment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == 3001, "a header and 3000 orders")
        #expect(!listed.stderr.contains("ignored"), "the snapshot was usable: \(listed.stderr)")
        await sandbox.stop()
    }
}

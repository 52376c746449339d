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
}

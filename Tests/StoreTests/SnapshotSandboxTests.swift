import Foundation
import Testing
import WaldurClient
import WaldurSandbox
@testable import OrderStore

/// The snapshot against the sandbox over HTTP: a second start reconciles deletions and lost visibility and applies
/// what changed since the snapshot.
@MainActor
@Suite(.serialized) struct SnapshotSandboxTests {
    @Test func deletionsLostVisibilityAndChangesAreReconciled() async throws {
        var options = SandboxOptions()
        options.orderCount = 150
        let sandbox = try await Sandbox.start(options)
        do {
            let consumer = try client(sandbox, role: "consumer")
            let staff = try client(sandbox, role: "staff")
            let username = try #require(sandbox.user(role: "consumer")?.username)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-sandbox-\(UUID().uuidString)")
            let file = SnapshotFile(directory: dir, identity: SnapshotIdentity(server: sandbox.url.absoluteString, user: username))
            let config = StoreConfiguration(username: username, refreshInterval: 0, pageSize: 40, startsFromSnapshot: true)

            // First start: no snapshot, a full load, then the snapshot is written.
            let first = Store(service: consumer, configuration: config, sortFile: SortFile(directory: dir), snapshot: file)
            first.start(tickEvery: nil)
            await first.waitUntilIdle()
            let written = try #require(file.read(), "written after the full load")
            #expect(written.rows.count == first.state.loadedCount && written.rows.count > 10)
            first.stop()

            // On the server meanwhile: one pending order deleted, one withdrawn from the consumer's view (unchanged),
            // one approved (changed).
            let visible = try await consumer.listAll(OrderListQuery())
            let pending = visible.filter { $0.state == .pendingConsumer }
            try #require(pending.count >= 2)
            let deleted = pending[0].uuid
            _ = try await staff.delete(deleted)
            let withdrawn = try #require(visible.first { $0.state != .pendingConsumer }?.uuid)
            #expect(await sandbox.withdrawVisibility(order: withdrawn.hex, from: "consumer"))
            let approved = pending[1].uuid
            _ = try await staff.perform(.approveByConsumer, approved)
            let now = try await consumer.listAll(OrderListQuery())
            #expect(now.count == visible.count - 2)

            // Second start: the snapshot's rows first, then the delta and the uuid sweep.
            let second = Store(service: consumer, configuration: config, sortFile: SortFile(directory: dir), snapshot: file)
            var sawCached = false
            second.onChange = { state in
                if state.cachedSince != nil, state.loadedCount == written.rows.count { sawCached = true }
            }
            second.start(tickEvery: nil)
            await second.waitUntilIdle()
            #expect(sawCached, "the cached rows were shown before the server answered")
            #expect(second.state.cachedSince == nil && second.state.hasLoaded)
            #expect(second.state.rowIndex(deleted) == nil, "deleted on the server")
            #expect(second.state.rowIndex(withdrawn) == nil, "no longer visible to the user")
            #expect(second.state.row(for: approved)?.state == (try await consumer.retrieve(approved)).state)
            #expect(Set((0..<second.state.rows.count).map { second.state.uuid(ofRow: Int32($0)).hex }) == Set(now.map(\.uuid.hex)))
            // And the snapshot was rewritten as reconciled.
            let rewritten = try #require(file.read())
            #expect(rewritten.rows.count == now.count)
            #expect(rewritten.header.writtenAt > written.header.writtenAt)
            second.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}

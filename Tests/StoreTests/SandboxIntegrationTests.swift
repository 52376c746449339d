import Foundation
import Testing
import WaldurClient
import WaldurSandbox
@testable import OrderStore

/// The store against the real HTTP client and the sandbox server (loopback).
@MainActor
@Suite(.serialized) struct SandboxIntegrationTests {
    func store(_ client: WaldurClient, _ config: StoreConfiguration) -> Store {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-sandbox-\(UUID().uuidString)")
        return Store(service: client, configuration: config, sortFile: SortFile(directory: dir))
    }

    @Test func loadsApprovesAndPollsAgainstTheSandbox() async throws {
        var options = SandboxOptions()
        options.orderCount = 120
        let sandbox = try await Sandbox.start(options)
        let provider = try client(sandbox, role: "provider")
        do {
            let store = store(provider, StoreConfiguration(username: sandbox.user(role: "provider")?.username, refreshInterval: 10, pageSize: 25))
            store.start(tickEvery: nil)
            await store.waitUntilIdle()

            // Everything the provider can see is loaded, in pages, and "Needs me" is what the server says is approvable.
            let all = try await provider.listAll(OrderListQuery())
            #expect(store.state.loadedCount == all.count)
            #expect(store.state.loadProgress == nil)
            var approvable = OrderListQuery()
            approvable.canApproveAsProvider = true
            let needsMe = try await provider.listAll(approvable).filter { $0.state == .pendingProvider }
            #expect(store.state.count(of: "Needs me") == needsMe.count)
            try #require(needsMe.count >= 2)

            // Approve one through the store: the list shows the state the server confirmed.
            store.send(.selectQueue(store.state.queueIndex("Needs me")))
            let target = try #require(store.state.selectedUUID)
            store.send(.requestAction(.approve))
            #expect(store.state.confirmation?.summary.hasPrefix("approve 1 order as provider") == true)
            store.send(.confirmAction)
            await store.waitUntilIdle()
            let server = try await provider.retrieve(target)
            #expect(server.state != .pendingProvider)
            #expect(store.state.row(for: target)?.state == server.state)
            #expect(store.state.lastResults.first?.outcome.map { if case .updated = $0 { return true } else { return false } } == true)

            // A change made elsewhere arrives with the next poll and is flagged.
            let other = try #require(needsMe.first { $0.uuid != target }?.uuid)
            try await provider.approveByProvider(other)
            store.send(.tick(now: Date().addingTimeInterval(11)))
            await store.waitUntilIdle()
            #expect(store.state.row(for: other)?.state != .pendingProvider)
            #expect(store.state.row(for: other)?.isChanged == true)
            #expect(!store.state.refresh.isStale)

            // A refusal comes back as the server's message: a consumer cannot approve as provider.
            let consumer = try client(sandbox, role: "consumer")
            let consumerStore = self.store(consumer, StoreConfiguration(isStaff: false, refreshInterval: 0))
            consumerStore.start(tickEvery: nil)
            await consumerStore.waitUntilIdle()
            #expect(consumerStore.state.loadedCount > 0)
            consumerStore.run(.runActions(batch: 1, calls: [ActionCall(.approveByProvider, other)], concurrency: 1))
            await consumerStore.waitUntilIdle()
            #expect(consumerStore.state.messages.last?.level == .error)
            #expect(consumerStore.state.messages.last?.text.contains("HTTP") == true)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("a big full load asked by project and offering over HTTP gives every order the fields a whole query gives")
    func aPartitionedLoadMatchesTheWholeQuery() async throws {
        var options = SandboxOptions()
        options.orderCount = 1_500
        let sandbox = try await Sandbox.start(options)
        do {
            let staff = try client(sandbox, role: "staff")
            var query = OrderListQuery()
            query.fields = ["uuid", "state", "cost", "created", "offering_type", "offering_name", "project_name", "customer_name",
                            "provider_name", "resource_name"]
            var byCell: [String: Order] = [:]
            var pages = 0
            for try await page in staff.listOrders(LoadRequest(id: 1, purpose: .full(reconcile: false), query: query), concurrency: 4) {
                pages += 1
                #expect(page.totalCount == 1_500)
                for o in page.orders { byCell[o.uuid.hex] = o }
            }
            let whole = try await staff.listAll(query)
            #expect(whole.count == 1_500 && byCell.count == 1_500)
            // The sandbox's 1,500 orders are in a few projects and offerings: the load was asked by cells.
            let partition = try await staff.keyPartition(query, total: 1_500) { _ in }
            #expect(partition?.keys[.project] != nil, "\(String(describing: partition?.keys.keys))")
            #expect(pages > (partition?.cells(query).count ?? .max))
            for o in whole {
                let c = try #require(byCell[o.uuid.hex])
                #expect([c.state?.wire, c.cost?.text, c.offeringType, c.offeringName, c.projectName, c.customerName, c.providerName, c.resourceName]
                        == [o.state?.wire, o.cost?.text, o.offeringType, o.offeringName, o.projectName, o.customerName, o.providerName, o.resourceName])
                #expect(c.projectUUID == nil || c.projectUUID == o.projectUUID)
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}

import Foundation
import ServiceLifecycle

/// A sandbox serving on loopback; stop it with `stop()`.
public final class RunningSandbox: Sendable {
    /// The API root, e.g. `http://127.0.0.1:PORT/api/`.
    public let url: URL
    /// The four users with tokens: staff, consumer, provider, member.
    public let users: [SandboxUser]
    let store: SandboxStore
    let group: ServiceGroup
    let server: Task<Void, any Error>
    let activity: Task<Void, Never>?

    init(url: URL, users: [SandboxUser], store: SandboxStore, group: ServiceGroup, server: Task<Void, any Error>, activity: Task<Void, Never>?) {
        self.url = url
        self.users = users
        self.store = store
        self.group = group
        self.server = server
        self.activity = activity
    }

    /// The user with this role (staff, consumer, provider, member).
    public func user(role: String) -> SandboxUser? { users.first { $0.role == role } }

    /// Stops serving and waits until the port is closed: stalled requests end, requests in flight are answered,
    /// connections are closed by the server; whatever has not ended after a few seconds is cancelled.
    public func stop() async {
        await store.beginStop()
        activity?.cancel()
        await group.triggerGracefulShutdown()
        let server = self.server
        let deadline = Task {
            try await Task.sleep(nanoseconds: 5_000_000_000)
            server.cancel()
        }
        _ = await activity?.value
        _ = try? await server.value
        deadline.cancel()
    }

    /// Replaces the injected faults (grammar in `SandboxFaults`).
    public func setFaults(_ spec: String) async throws {
        let faults = try SandboxFaults(spec: spec)
        await store.setFaults(faults)
    }

    /// How many mutating requests (POST actions, DELETE as "delete") reached the sandbox for this order and action, faults included.
    public func mutationCount(order: String, action: String) async -> Int {
        await store.mutationCount(order: order, action: action)
    }

    /// How many mutating requests reached the sandbox in all, over every order and action, faults included.
    public func mutationTotal() async -> Int {
        await store.mutationTotal
    }

    /// How many answers were replaced by an injected error (`error=` faults) since the start: of this status and
    /// scope (as in the fault grammar: "reads", "list", "approve_by_provider"…), or of any when nil.
    public func injectedErrorCount(status: Int? = nil, scope: String? = nil) async -> Int {
        await store.injectedErrorCount(status: status, scope: scope)
    }

    /// Withdraws an order from one user's view without changing the order (as when the user leaves its project: its
    /// `modified` stays, so only a listing shows that it is gone). Answers whether the order and user exist.
    @discardableResult
    public func withdrawVisibility(order: String, from role: String) async -> Bool {
        await store.withdrawVisibility(order: order, fromRole: role)
    }

    /// Runs one activity tick now (what `activity: true` does every few seconds).
    public func tick() async { await store.activityTick() }
}

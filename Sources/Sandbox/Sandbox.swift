import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Starts a Waldur-compatible marketplace-orders server with seeded data.
///
/// Users (tokens are 40 hex digits, fixed for a seed): `staff` (approves both sides), `consumer` (owner of
/// "Consumer Org A" and "🚀 Rocket Labs Ltd"), `provider` (owner of both service providers, so it sees every order)
/// and `member` (member of three projects in two organisations; sees their orders, may approve nothing).
/// Data: 4 consumer organisations, 2 service providers, 7 projects ("Project Future" starts in 2031, so its orders
/// wait in pending-project), 7 offerings over Marketplace.Basic, Marketplace.Slurm, Marketplace.Remote,
/// OpenStack.Tenant and Support.OfferingTemplate. Lists page like Waldur: 10 by default, `page_size` capped at 300.
public enum Sandbox {
    /// Builds the seeded data, binds the port and returns once the server is listening.
    public static func start(_ options: SandboxOptions) async throws -> RunningSandbox {
        let faults = try options.faults.map { spec throws(SandboxFaultSpecError) in try SandboxFaults(spec: spec) } ?? SandboxFaults()
        let store = SandboxStore(options: options, faults: faults)
        let catalog = store.catalog
        let signal = BindSignal()
        var logger = Logger(label: "waldur-sandbox")
        logger.logLevel = .critical
        let hostForURL = options.host.contains(":") ? "[\(options.host)]" : options.host
        let responder = SandboxResponder(store: store, maxBodyBytes: options.maxBodyBytes, defaultOrigin: "http://\(hostForURL):\(options.port)")
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in signal.resolve(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger
        )
        // Run under a service group so that stop() can shut the server down gracefully: connections are finished
        // and closed by the server, rather than torn down by cancellation with their writers still open.
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let server = Task<Void, any Error> {
            do {
                try await group.run()
                signal.resolve(.failure(SandboxStartError(reason: "the server stopped before it was listening")))
            } catch {
                signal.resolve(.failure(error))
                throw error
            }
        }
        let port: Int
        do { port = try await signal.wait() } catch {
            server.cancel()
            throw error
        }
        guard let url = URL(string: "http://\(hostForURL):\(port)/api/") else {
            server.cancel()
            throw SandboxStartError(reason: "no URL for host \(options.host)")
        }
        var activity: Task<Void, Never>?
        if options.activity {
            let interval = UInt64(max(0.05, options.activityInterval) * 1_000_000_000)
            activity = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: interval)
                    if Task.isCancelled { break }
                    await store.activityTick()
                }
            }
        }
        let users = ["staff", "consumer", "provider", "member"].compactMap { role -> SandboxUser? in
            guard let i = catalog.person(role: role) else { return nil }
            let p = catalog.people[i]
            return SandboxUser(role: role, username: p.username, fullName: p.fullName, token: p.token)
        }
        return RunningSandbox(url: url, users: users, store: store, group: group, server: server, activity: activity)
    }
}

/// Why a sandbox did not start.
public struct SandboxStartError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "sandbox did not start: \(reason)" }
}

/// Hands the bound port from `onServerRunning` (or the failure) to `start`, once.
final class BindSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Int, any Error>?
    private var waiter: CheckedContinuation<Int, any Error>?

    func resolve(_ r: Result<Int, any Error>) {
        lock.lock()
        guard result == nil else { lock.unlock(); return }
        result = r
        let w = waiter
        waiter = nil
        lock.unlock()
        w?.resume(with: r)
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Int, any Error>) in
            lock.lock()
            if let r = result {
                lock.unlock()
                c.resume(with: r)
            } else {
                waiter = c
                lock.unlock()
            }
        }
    }
}

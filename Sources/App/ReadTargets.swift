import ArgumentParser
import WaldurClient

/// The connected session and resolved uuids of a reading command (`get`, `offering`, `wait`).
enum ReadTargets {
    /// Exits 64 for unusable references, 1 for unknown or ambiguous prefixes.
    static func open(_ server: ServerOptions, requestTimeout: Double = 30, _ arguments: OrderArguments) async throws -> (Session, [WaldurUUID]) {
        let references: [OrderReference]
        switch OrderReference.collect(arguments.orders) {
        case let .success(r): references = r
        case let .failure(e): throw UsageFailure(e.message)
        }
        guard !references.isEmpty else { throw UsageFailure("name at least one order (a uuid, a prefix of 8+ hex digits, or - for standard input)") }
        let session = try await Session.open(server, requestTimeout: requestTimeout)
        do {
            return (session, try await OrderResolver(client: session.client).resolve(references))
        } catch {
            await session.close()
            throw CommandFailure(error.message)
        }
    }
}

import ArgumentParser
import Foundation
import WaldurClient

/// `waldur-orders get`: each order in full, with every key and value as the server sent it (json, ndjson).
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show orders (json and ndjson keep every key and value exactly as the server sent them).",
        discussion: "Example: waldur-orders get 4f1c0a2b --format json"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @Option(help: "Output format: table, json, ndjson, tsv.") var format: ListCommand.Format = .json
    @Option(help: "Only these fields (repeatable).") var field: [String] = []
    @Option(help: "Requests at once (1-32).") var concurrency: Int = 4

    func validate() throws {
        if !(1...32).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 32 (got \(concurrency))") }
    }

    func run() async throws {
        let (session, uuids) = try await ReadTargets.open(connection.server, requestTimeout: connection.timeout, target)
        let client = session.client
        let fields = field
        let results: [Result<RawOrder, WaldurError>] = await boundedMap(uuids, limit: concurrency) { uuid in
            do throws(WaldurError) { return .success(try await client.retrieveRaw(uuid, fields: fields)) } catch { return .failure(error) }
        }
        await session.close()
        var found: [RawOrder] = []
        var failed = false
        for (uuid, r) in zip(uuids, results) {
            switch r {
            case let .success(o): found.append(o)
            case let .failure(e):
                failed = true
                TerminalIO.note("waldur-orders: \(uuid.hex): \(e.message)")
            }
        }
        let output = OrderListOutput(format: format, width: TerminalSize.columns(), fields: field)
        switch format {
        case .json: output.emit(JSONWriter.string(.array(found.map(\.json))) + "\n")
        case .ndjson: output.writeRawNDJSON(found.map(\.json))
        case .tsv: output.writeTSV(found.map(\.order))
        case .table: output.writeTable(found.map(\.order))
        }
        if failed { throw ExitCode.failure }
    }
}

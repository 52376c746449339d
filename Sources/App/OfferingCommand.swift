import ArgumentParser
import Foundation
import WaldurClient

/// `waldur-orders offering`: the offering of each order, as the server sent it.
struct OfferingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offering",
        abstract: "Show the offering of orders (plans, components; json keeps it as sent).",
        discussion: "Example: waldur-orders offering 4f1c0a2b --format json"
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: OrderArguments
    @Option(help: "Output format: table, json, ndjson, tsv.") var format: ListCommand.Format = .table

    static let headers = ["ORDER", "OFFERING", "NAME", "TYPE", "STATE", "PLANS"]

    func run() async throws {
        let (session, uuids) = try await ReadTargets.open(connection.server, requestTimeout: connection.timeout, target)
        let client = session.client
        let results: [Result<JSONValue, WaldurError>] = await boundedMap(uuids, limit: 4) { uuid in
            do throws(WaldurError) { return .success(try await client.offeringRaw(of: uuid)) } catch { return .failure(error) }
        }
        await session.close()
        var found: [(WaldurUUID, JSONValue)] = []
        var failed = false
        for (uuid, r) in zip(uuids, results) {
            switch r {
            case let .success(o): found.append((uuid, o))
            case let .failure(e):
                failed = true
                TerminalIO.note("waldur-orders: \(uuid.hex): \(e.message)")
            }
        }
        var out = ""
        switch format {
        case .json: out = JSONWriter.string(.array(found.map(\.1))) + "\n"
        case .ndjson: for (_, o) in found { out += JSONWriter.string(o) + "\n" }
        case .tsv, .table:
            let rows = found.map { uuid, o in
                [uuid.hex, o["uuid"]?.displayText ?? "", o["name"]?.displayText ?? "", o["type"]?.displayText ?? "", o["state"]?.displayText ?? "",
                 (o["plans"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.joined(separator: ", ")]
            }
            if format == .tsv {
                out = Self.headers.map { $0.lowercased() }.joined(separator: "\t") + "\n"
                for r in rows { out += r.map(OrderListOutput.tsvSafe).joined(separator: "\t") + "\n" }
            } else {
                let clean = rows.map { $0.map(TextWidth.sanitized) }
                var widths = Self.headers.map(TextWidth.cells)
                for r in clean { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWidth.cells(c)) } }
                for r in [Self.headers] + clean {
                    out += r.enumerated().map { i, c in i == r.count - 1 ? c : TextWidth.pad(c, to: widths[i]) }.joined(separator: "  ") + "\n"
                }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if failed { throw ExitCode.failure }
    }
}

import ArgumentParser

/// Flags shared by the commands that change orders.
struct ActionOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Print the request each order would get (or the refusal) and send nothing.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Do not ask before acting on more than one order (required without a terminal).")
    var yes = false

    @Option(help: "Output format: table, json, ndjson, tsv.")
    var format: ListCommand.Format = .table

    @Option(help: "Requests at once (1-32).")
    var concurrency: Int = 4

    func validate() throws {
        if !(1...32).contains(concurrency) { throw ValidationError("--concurrency must be between 1 and 32 (got \(concurrency))") }
    }
}

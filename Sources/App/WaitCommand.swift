import ArgumentParser
import Foundation
import WaldurClient

/// `waldur-orders wait ORDER… --until executing,done`: polls until every order is in one of the states.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until every order reaches one of the given states, printing each change.",
        discussion: """
        Polls with back-off (the interval grows to 30 s; a Retry-After from the server is honoured). Exit status 0 when \
        every order got there, 1 when the time ran out or an order ended elsewhere (done, canceled, rejected) or vanished.
        Example: waldur-orders wait 4f1c0a2b --until executing,done --timeout 10m
        """
    )

    @OptionGroup var server: ServerOptions
    @OptionGroup var target: OrderArguments
    @Option(help: "States to wait for, comma-separated (e.g. executing,done).") var until: String
    @Option(help: "Give up after this long (90s, 10m, 1h).") var timeout = DurationArgument(seconds: 600)
    @Option(help: "The first pause between polls (it grows by half each round up to 30 s).") var interval = DurationArgument(seconds: 2)
    @Option(help: "Output format: table, json, ndjson, tsv.") var format: ListCommand.Format = .table

    /// States an order does not leave by itself.
    static let finalStates: Set<String> = ["done", "canceled", "rejected"]

    var targetStates: [String] {
        until.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    func validate() throws {
        guard !targetStates.isEmpty else { throw ValidationError("--until needs at least one state") }
        for s in targetStates where OrderState(wire: s).isUnknownValue {
            throw ValidationError("unknown state '\(s)' in --until; use: \(OrderState.known.map(\.wire).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let (session, uuids) = try await ReadTargets.open(server, target)
        let client = session.client
        let wanted = Set(targetStates)
        let deadline = Date().addingTimeInterval(timeout.seconds)
        var states: [WaldurUUID: String] = [:]
        var finished: [WaldurUUID: (outcome: String, message: String)] = [:]
        var delay = max(0.05, interval.seconds)
        while true {
            let open = uuids.filter { finished[$0] == nil }
            let polled: [Result<String, WaldurError>] = await boundedMap(open, limit: 4) { uuid in
                do throws(WaldurError) { return .success(try await client.retrieve(uuid, fields: ["uuid", "state"]).state?.wire ?? "?") } catch {
                    return .failure(error)
                }
            }
            var retryAfter: TimeInterval = 0
            for (uuid, result) in zip(open, polled) {
                switch result {
                case let .success(state):
                    if states[uuid] != state { change(uuid, from: states[uuid], to: state) }
                    states[uuid] = state
                    if wanted.contains(state) {
                        finished[uuid] = ("succeeded", "reached \(state)")
                    } else if Self.finalStates.contains(state) {
                        finished[uuid] = ("failed", "ended \(state), which it does not leave")
                    }
                case let .failure(error):
                    if error.status == 404 {
                        finished[uuid] = ("failed", "the order is gone (\(ActionRunner.sentence(error)))")
                    } else {
                        if case let .http(_, _, after?) = error { retryAfter = max(retryAfter, after) }
                        TerminalIO.note("waldur-orders: \(uuid.hex): \(error.message) (polling again)")
                    }
                }
            }
            if finished.count == uuids.count { break }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                for u in uuids where finished[u] == nil {
                    finished[u] = ("timeout", "still \(states[u] ?? "unknown") after \(timeout.defaultValueDescription)")
                }
                break
            }
            TerminalIO.progress("waiting for \(uuids.count - finished.count) of \(uuids.count) orders")
            do { try await Task.sleep(nanoseconds: UInt64(min(left, max(delay, retryAfter)) * 1_000_000_000)) } catch { break }
            delay = min(delay * 1.5, 30)
        }
        TerminalIO.endProgress()
        await session.close()
        let lines = uuids.map { u in
            ResultLine(order: u, action: "wait", endpoint: nil, httpStatus: nil, state: states[u],
                       outcome: finished[u]?.outcome ?? "timeout", message: finished[u]?.message ?? "")
        }
        ResultOutput(format: format).write(lines)
        if !lines.allSatisfy({ $0.outcome == "succeeded" }) { throw ExitCode.failure }
    }

    /// Prints one observed change (json collects only the final lines).
    func change(_ uuid: WaldurUUID, from old: String?, to new: String) {
        let time = WaldurDate.format(Date())
        var line: String
        switch format {
        case .json: return
        case .ndjson:
            line = JSONWriter.string(.object([("event", "change"), ("time", .string(time)), ("order", .string(uuid.hex)),
                                               ("from", old.map(JSONValue.string) ?? .null), ("to", .string(new))]))
        case .tsv: line = ["change", time, uuid.hex, old ?? "", new].joined(separator: "\t")
        case .table: line = "\(time)  \(uuid.hex)  \(old ?? "(first seen)") → \(new)"
        }
        TerminalIO.endProgress()
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

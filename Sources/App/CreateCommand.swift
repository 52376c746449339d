import ArgumentParser
import Foundation
import OrderStore
import WaldurClient
import WaldurConfig

/// `waldur-orders create`: creates an order for an offering in a project and prints it.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an order (offering, project and plan by name or uuid) and print it.",
        discussion: "Example: waldur-orders create --offering 'Basic VM' --project 'Project A1' --plan Small --attributes '{\"name\":\"vm-7\"}' --limits '{\"cpu\":2}'"
    )

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The offering: name or uuid.") var offering: String
    @Option(help: "The project: name or uuid.") var project: String
    @Option(help: "The plan of the offering: name or uuid.") var plan: String?
    @Option(help: "Attributes as a JSON object, or @FILE.") var attributes: String?
    @Option(help: "Limits as a JSON object (component → amount), or @FILE.") var limits: String?
    @Option(help: "Order type: Create, Update, Terminate, Restore.") var type: String?
    @Option(name: .customLong("comment"), help: "A request comment.") var requestComment: String?
    @Option(name: .customLong("start-date"), help: "Start date, YYYY-MM-DD.") var startDate: String?
    @Flag(name: .customLong("dry-run"), help: "Print the request and send nothing.") var dryRun = false
    @Option(help: "Output format: table, json, ndjson, tsv.") var format: ListCommand.Format = .json

    func validate() throws {
        if let type, OrderType(wire: type).isUnknownValue {
            throw ValidationError("unknown type '\(type)'; use one of: \(OrderType.known.map(\.wire).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let attributesJSON = try attributes.map { try JSONArgument.object($0, option: "--attributes") }
        let limitsJSON = try limits.map { try JSONArgument.object($0, option: "--limits") }
        let session = await (try await Session.open(connection)).identified()
        let client = session.client
        let resolver = CatalogResolver(client: client)
        let request: OrderCreateRequest
        do {
            let off = try await resolver.offering(offering)
            let proj = try await resolver.project(project)
            let planLink = try await plan.asyncMap { try await resolver.plan($0, offering: off) }
            request = OrderCreateRequest(offering: resolver.url("marketplace-public-offerings", off.uuid), project: resolver.url("projects", proj.uuid),
                                         plan: planLink.map { resolver.url("marketplace-public-offerings/\(off.uuid)/plans", $0.uuid) }, attributes: attributesJSON,
                                         limits: limitsJSON, requestComment: requestComment, type: type.map(OrderType.init(wire:)), startDate: startDate)
        } catch {
            await session.close()
            if let exit = error as? ExitCode { throw exit }
            throw CommandFailure("\(error)")
        }
        if dryRun {
            FileHandle.standardOutput.write(Data("POST \(client.ordersURL().absoluteString) \(JSONWriter.string(request.json))\n".utf8))
            await session.close()
            return
        }
        let answer: Result<RawOrder, WaldurError>
        do throws(WaldurError) { answer = .success(try await client.createRaw(request)) } catch { answer = .failure(error) }
        let environment = ProcessInfo.processInfo.environment
        let audit = FileAuditLog(directory: StatePaths.stateDirectory(environment: environment, homeDirectory: FileManager.default.homeDirectoryForCurrentUser),
                                 server: session.host, user: session.username, redacting: [client.configuration.token?.secret].compactMap { $0 })
        var entry = AuditEntry(time: Date(), user: session.username, order: (try? answer.get().order.uuid) ?? WaldurUUID(""), action: "create",
                               endpoint: "create", text: JSONWriter.string(request.json),
                               outcome: AuditOutcome(answer.map { _ in ActionResult(status: 201, detail: nil) }))
        switch answer {
        case .success: entry.httpStatus = 201
        case let .failure(e): entry.httpStatus = e.status; entry.message = ActionRunner.sentence(e)
        }
        do { try await audit.record(entry) } catch { TerminalIO.note("waldur-orders: the audit log could not be written: \(error)") }
        await session.close()
        switch answer {
        case let .failure(e): throw CommandFailure(e.message)
        case let .success(created):
            let output = OrderListOutput(format: format, width: TerminalSize.columns(), fields: [])
            switch format {
            case .json, .ndjson: output.writeRawNDJSON([created.json])
            case .tsv: output.writeTSV([created.order])
            case .table: output.writeTable([created.order])
            }
        }
    }
}

extension Optional {
    /// `map` with an async throwing transform.
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case let .some(w): return try await transform(w)
        case .none: return nil
        }
    }
}

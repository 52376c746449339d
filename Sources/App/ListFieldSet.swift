import ArgumentParser
import OrderStore

/// `list --fields`: which fields `waldur-orders list` asks for when no `--field` names them.
enum ListFieldSet: String, ExpressibleByArgument, CaseIterable {
    /// What a script usually wants, at the cost of three related objects per order on the server (offering,
    /// project, customer): the TSV's fields with their uuids, plus every field of the order's own row.
    case `default`
    /// The whole order (no `field=`): every field the server serialises, several times the server's work.
    case all

    /// The fields of the set for `format` (empty: no `field=`, the full order).
    func fields(for format: ListCommand.Format) -> [String] {
        switch (self, format) {
        case (.all, _): return []
        case (.default, .table), (.default, .tsv): return OrderListOutput.columnFields
        case (.default, .json), (.default, .ndjson): return ListFieldSet.scriptFields
        }
    }

    /// The default for json and ndjson, cheapest first.
    static let scriptFields = ListFields.ordered([
        "uuid", "state", "type", "cost", "created", "modified", "consumer_reviewed_at", "provider_reviewed_at",
        "error_message", "backend_id", "offering_name", "offering_uuid", "offering_type",
        "project_name", "project_uuid", "customer_name", "customer_uuid",
    ])
}

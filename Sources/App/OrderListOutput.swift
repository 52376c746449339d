import Foundation
import WaldurClient

/// Writes orders to stdout in the `list` formats; the column set and order are stable for scripts.
struct OrderListOutput {
    let format: ListCommand.Format
    let width: Int
    let fields: [String]

    /// The fields the table and TSV show, requested with `field=` so lists stay light.
    static let columnFields = ["uuid", "state", "type", "offering_name", "project_name", "customer_name", "cost", "created"]
    static let headers = ["UUID", "STATE", "TYPE", "OFFERING", "PROJECT", "CUSTOMER", "COST", "CREATED"]

    /// Orders exactly as the server sent them, one JSON object per line (every key, nulls and number text kept).
    func writeRawNDJSON(_ orders: [JSONValue]) {
        var out = ""
        for order in orders { out += JSONWriter.string(order) + "\n" }
        emit(out)
    }

    func writeTSV(_ orders: [Order]) {
        var out = Self.headers.map { $0.lowercased() }.joined(separator: "\t") + "\n"
        for order in orders {
            out += Self.cells(order, fullUUID: true).map(Self.tsvSafe).joined(separator: "\t") + "\n"
        }
        emit(out)
    }

    func writeTable(_ orders: [Order]) {
        var columns = Array(Self.headers.indices)
        let rows = orders.map { Self.cells($0, fullUUID: false).map(TextWidth.sanitized) }
        var widths = Self.headers.map(TextWidth.cells)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.cells(cell)) } }
        func total() -> Int { columns.map { widths[$0] }.reduce(0, +) + 2 * (columns.count - 1) }
        // Shrink the free-text columns (offering, project, customer) down to 6 cells, then drop CREATED, TYPE, CUSTOMER.
        let flexible = [3, 4, 5]
        while total() > width, let widest = flexible.filter(columns.contains).max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        for drop in [7, 2, 5] where total() > width { columns.removeAll { $0 == drop } }
        func line(_ cells: [String]) -> String {
            columns.enumerated().map { n, i in
                let fitted = TextWidth.truncate(cells[i], to: widths[i])
                return n == columns.count - 1 ? fitted : TextWidth.pad(fitted, to: widths[i])
            }.joined(separator: "  ")
        }
        var out = line(Self.headers) + "\n"
        for row in rows { out += line(row) + "\n" }
        if orders.isEmpty { out += "(no orders)\n" }
        emit(out)
    }

    static func cells(_ o: Order, fullUUID: Bool) -> [String] {
        [
            fullUUID ? o.uuid.hex : String(o.uuid.hex.prefix(8)),
            o.state?.wire ?? "",
            o.type?.wire ?? "",
            o.offeringName ?? "",
            o.projectName ?? "",
            o.customerName ?? "",
            fullUUID ? (o.cost?.text ?? "") : (o.cost?.formatted() ?? ""),
            o.created.map { fullUUID ? WaldurDate.format($0) : Self.minute($0) } ?? "",
        ]
    }

    /// `2026-11-26 09:15` (UTC), short enough for the table.
    static func minute(_ date: Date) -> String {
        let text = WaldurDate.format(date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// TSV cells cannot hold tabs or line breaks; control characters become spaces.
    static func tsvSafe(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) ? " " : $0 }))
    }

    func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

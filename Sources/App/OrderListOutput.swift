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

    func writeNDJSON(_ orders: [Order]) {
        var out = ""
        for order in orders { out += JSONWriter.string(order.json) + "\n" }
        emit(out)
    }

    func writeJSON(_ orders: [Order]) {
        emit(JSONWriter.string(.array(orders.map(\.json))) + "\n")
    }

    func writeTSV(_ orders: [Order]) {
        var out = Self.headers.map { $0.lowercased() }.joined(separator: "\t") + "\n"
        for order in orders {
            out += Self.cells(order, fullUUID: true).map(Self.tsvSafe).joined(separator: "\t") + "\n"
        }
        emit(out)
    }

    func writeTable(_ orders: [Order]) {
        let rows = orders.map { Self.cells($0, fullUUID: false).map(TextWidth.sanitized) }
        var widths = Self.headers.map(TextWidth.cells)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.cells(cell)) } }
        // Shrink the free-text columns (offering, project, customer) until the table fits.
        let flexible = [3, 4, 5]
        let gaps = 2 * (widths.count - 1)
        while widths.reduce(0, +) + gaps > width, let widest = flexible.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let fitted = TextWidth.truncate(cell, to: widths[i])
                return i == cells.count - 1 ? fitted : TextWidth.pad(fitted, to: widths[i])
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
            o.created.map(WaldurDate.format) ?? "",
        ]
    }

    /// TSV cells cannot hold tabs or line breaks; control characters become spaces.
    static func tsvSafe(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) ? " " : $0 }))
    }

    func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

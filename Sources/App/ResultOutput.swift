import Foundation
import WaldurClient

/// Writes result lines to stdout in the chosen format: a table, a JSON array, NDJSON, or TSV with a header.
struct ResultOutput {
    let format: ListCommand.Format

    func write(_ lines: [ResultLine]) {
        var out = ""
        switch format {
        case .json:
            out = JSONWriter.string(.array(lines.map(\.json))) + "\n"
        case .ndjson:
            for l in lines { out += JSONWriter.string(l.json) + "\n" }
        case .tsv:
            out = ResultLine.headers.map { $0.lowercased() }.joined(separator: "\t") + "\n"
            for l in lines { out += l.cells.map(OrderListOutput.tsvSafe).joined(separator: "\t") + "\n" }
        case .table:
            let rows = lines.map { $0.cells.map(TextWidth.sanitized) }
            var widths = ResultLine.headers.map(TextWidth.cells)
            for r in rows { for (i, c) in r.enumerated() where i < widths.count - 1 { widths[i] = max(widths[i], TextWidth.cells(c)) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, c in i == cells.count - 1 ? c : TextWidth.pad(c, to: widths[i]) }.joined(separator: "  ")
            }
            out = line(ResultLine.headers) + "\n"
            for r in rows { out += line(r) + "\n" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

import Foundation
import OrderStore

/// The list's columns and their widths for a given list width. Widths follow each column's priority: every
/// column first gets its minimum (a column that cannot is dropped, least telling first, rather than every
/// column shrinking to a stub), then text columns grow to their ideal width, then the state to its full word,
/// then what is left is shared among the text columns by weight.
struct ListColumns {
    typealias Kind = ColumnKind

    struct Column {
        var kind: Kind
        var x: Int
        var width: Int
    }

    /// Columns after the two flag cells (mark, changed/in flight), in display order.
    let columns: [Column]
    static let flagWidth = 3

    init(width: Int, kinds: [Kind] = QueueColumns.defaults(.all)) {
        let available = max(0, width - ListColumns.flagWidth)
        var shown = kinds
        func needed(_ ks: [Kind]) -> Int { ks.reduce(0) { $0 + $1.minimumWidth } + max(0, ks.count - 1) }
        while shown.count > 1, needed(shown) > available,
              let drop = shown.indices.max(by: { shown[$0].priority < shown[$1].priority }) {
            shown.remove(at: drop)
        }
        var widths = shown.map(\.minimumWidth)
        var spare = available - needed(shown)
        let byPriority = shown.indices.sorted { shown[$0].priority < shown[$1].priority }
        // Text columns to their ideal width, then fixed ones (the state's full word), most telling first.
        for pass in [true, false] {
            for i in byPriority where shown[i].isText == pass && spare > 0 {
                let grow = min(spare, max(0, shown[i].idealWidth - widths[i]))
                widths[i] += grow
                spare -= grow
            }
        }
        // The rest by weight among text columns (the most telling one takes the remainder).
        let totalWeight = shown.reduce(0) { $0 + $1.weight }
        if spare > 0, totalWeight > 0 {
            var given = 0
            for i in shown.indices where shown[i].weight > 0 {
                let share = spare * shown[i].weight / totalWeight
                widths[i] += share
                given += share
            }
            if let first = byPriority.first(where: { shown[$0].weight > 0 }) { widths[first] += spare - given }
        }
        var x = ListColumns.flagWidth
        var out: [Column] = []
        for (i, kind) in shown.enumerated() where widths[i] > 0 {
            let w = min(widths[i], max(0, width - x))
            guard w > 0 else { break }
            out.append(Column(kind: kind, x: x, width: w))
            x += w + 1
        }
        columns = out
    }

    static func title(_ kind: Kind) -> String { kind.title }

    static func sortKey(_ kind: Kind) -> SortKey? { kind.sortKey }

    /// The sort keys `s` cycles through, in the default column order.
    static let sortCycle: [SortKey] = QueueColumns.defaults(.all).compactMap(\.sortKey)

    static func isRightAligned(_ kind: Kind) -> Bool { kind.isRightAligned }
}

import Foundation
import OrderStore

/// The list's columns and their widths for a given list width.
struct ListColumns {
    enum Kind: CaseIterable {
        case state, type, offering, project, customer, cost, age
    }

    struct Column {
        var kind: Kind
        var x: Int
        var width: Int
    }

    /// Columns after the two flag cells (mark, changed/in flight).
    let columns: [Column]
    static let flagWidth = 3

    init(width: Int) {
        let stateWidth = width >= 100 ? 20 : 14
        let typeWidth = 9
        let costWidth = 10
        let ageWidth = 4
        let fixed = ListColumns.flagWidth + stateWidth + typeWidth + costWidth + ageWidth + 6
        let flexible = max(9, width - fixed)
        let offering = flexible * 4 / 10
        let project = flexible * 3 / 10
        let customer = flexible - offering - project
        var x = ListColumns.flagWidth
        var out: [Column] = []
        for (kind, w) in [(Kind.state, stateWidth), (.type, typeWidth), (.offering, offering), (.project, project),
                          (.customer, customer), (.cost, costWidth), (.age, ageWidth)] {
            out.append(Column(kind: kind, x: x, width: w))
            x += w + 1
        }
        columns = out
    }

    static func title(_ kind: Kind) -> String {
        switch kind {
        case .state: return "State"
        case .type: return "Type"
        case .offering: return "Offering"
        case .project: return "Project"
        case .customer: return "Customer"
        case .cost: return "Cost"
        case .age: return "Age"
        }
    }

    static func sortKey(_ kind: Kind) -> SortKey {
        switch kind {
        case .state: return .state
        case .type: return .type
        case .offering: return .offering
        case .project: return .project
        case .customer: return .customer
        case .cost: return .cost
        case .age: return .created
        }
    }

    /// The sort keys `s` cycles through, in column order.
    static let sortCycle: [SortKey] = Kind.allCases.map(sortKey)

    static func isRightAligned(_ kind: Kind) -> Bool { kind == .cost || kind == .age }
}

import Foundation
import WaldurClient

/// A parsed filter line: terms AND-ed together. Parse with `FilterExpression.parse(_:)` or `parseFilter(_:)`.
public struct FilterExpression: Sendable, Hashable {
    public var terms: [FilterTerm]

    public init(terms: [FilterTerm] = []) { self.terms = terms }

    /// Matches every order.
    public static let empty = FilterExpression()

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether some term depends on the current time (`age<2h`, `modified<30m`).
    public var dependsOnTime: Bool {
        terms.contains { term in
            switch term.predicate {
            case .created(_, .ago), .modified(_, .ago): return true
            default: return false
            }
        }
    }

    /// Adds the server-side equivalents of the positive terms to `query` (state, type, query, uuid filters,
    /// created/modified). The server result is always a superset of the local result; the local filter still runs.
    public func apply(to query: inout OrderListQuery, now: Date) {
        var states: Set<OrderState>?
        var types: Set<OrderType>?
        for term in terms where !term.negated {
            switch term.predicate {
            case let .state(list):
                states = states.map { $0.intersection(list) } ?? Set(list)
            case let .type(list):
                types = types.map { $0.intersection(list) } ?? Set(list)
            case let .created(cmp, bound):
                if let after = FilterExpression.lowerBound(cmp, bound, now: now) { query.created = max(query.created ?? after, after) }
            case let .modified(cmp, bound):
                if let after = FilterExpression.lowerBound(cmp, bound, now: now) { query.modified = max(query.modified ?? after, after) }
            case let .field(field, value):
                let uuid = WaldurUUID(value)
                if uuid.isWellFormed {
                    switch field {
                    case .project: query.projectUUID = uuid
                    case .customer: query.customerUUID = uuid
                    case .provider: query.providerUUID = uuid
                    case .offering: query.offeringUUID = uuid
                    default: break
                    }
                } else if field == .project || field == .resource, query.query == nil {
                    // `query` matches project or resource name (contains): a superset of this term.
                    query.query = value
                }
            case let .text(word):
                if WaldurUUID(word).isWellFormed, query.query == nil { query.query = WaldurUUID(word).hex }
            case .cost:
                break
            }
        }
        if let states {
            let known = states.filter { if case .unknown = $0 { return false } else { return true } }
            // An empty intersection sends no state filter (a superset); the local filter then empties the list.
            query.state = OrderState.known.filter { known.contains($0) }
        }
        if let types {
            query.type = OrderType.known.filter { types.contains($0) }
        }
    }

    /// The earliest timestamp a positive time term admits, when it has one ("created after").
    static func lowerBound(_ cmp: Comparison, _ bound: TimeBound, now: Date) -> Date? {
        switch bound {
        case let .date(d): return (cmp == .gt || cmp == .ge || cmp == .eq) ? d : nil
        case let .ago(seconds): return (cmp == .lt || cmp == .le || cmp == .eq) ? now.addingTimeInterval(-seconds) : nil
        }
    }

    /// True when every order matching `self` also matches `other` in a way cheap to prove: `self` has `other`'s terms
    /// plus more, or the last positive word/field value grew. Used to narrow incrementally while typing.
    func narrows(_ other: FilterExpression) -> Bool {
        guard terms.count >= other.terms.count, !other.dependsOnTime, !dependsOnTime else { return false }
        for (i, old) in other.terms.enumerated() {
            let new = terms[i]
            if new == old { continue }
            guard i == other.terms.count - 1, !new.negated, !old.negated else { return false }
            switch (old.predicate, new.predicate) {
            case let (.text(a), .text(b)):
                // Names match by (byte-wise) containment but uuids by hex prefix: only a text that starts with the old
                // one narrows, and not when it becomes a uuid prefix while the old one was none.
                if !b.utf8.starts(with: a.utf8) || (RowKey.hexPrefix(b) != nil && RowKey.hexPrefix(a) == nil) { return false }
            case let (.field(fa, a), .field(fb, b)):
                // A full uuid matches by its hex digits, anything else by containment: a change of kind does not narrow.
                if fa != fb || !TextFolding.contains(Array(b.utf8), Array(a.utf8))
                    || WaldurUUID(a).isWellFormed != WaldurUUID(b).isWellFormed { return false }
            default:
                return false
            }
        }
        return true
    }
}

/// One term of a filter, possibly negated (`-state:done`, `!foo`).
public struct FilterTerm: Sendable, Hashable {
    public var negated: Bool
    public var predicate: FilterPredicate

    public init(negated: Bool = false, _ predicate: FilterPredicate) {
        self.negated = negated
        self.predicate = predicate
    }
}

/// What a term tests. Text values are stored folded (lower case, no accents).
public enum FilterPredicate: Sendable, Hashable {
    /// A free word: uuid prefix, offering, plan, project, customer, provider, resource, creator or reviewers.
    case text(String)
    /// `offering:`, `plan:`, `project:`, `customer:`, `provider:`, `resource:`, `by:` (contains; a full uuid matches that uuid).
    case field(FilterField, String)
    /// `state:a,b` (prefixes of the wire names: `state:pending` is every pending-* state).
    case state([OrderState])
    /// `type:update`.
    case type([OrderType])
    /// `cost>100` (exact decimal comparison).
    case cost(Comparison, Decimal)
    /// `created>2026-11-01`, `created<2h` (age), and `age<2h` (= created less than 2 hours ago).
    case created(Comparison, TimeBound)
    /// `modified<30m`, `modified>2026-11-01`.
    case modified(Comparison, TimeBound)
}

/// A field a `key:value` term can name.
public enum FilterField: String, Sendable, Hashable, CaseIterable {
    case offering, plan, project, customer, provider, resource, by
}

/// A comparison operator.
public enum Comparison: String, Sendable, Hashable {
    case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "="

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        case .eq: return a == b
        }
    }
}

/// A point in time: a calendar date, or an age relative to now (compares the order's age).
public enum TimeBound: Sendable, Hashable {
    case date(Date)
    /// Seconds before now; `modified<30m` means the age is less than 30 minutes.
    case ago(TimeInterval)
}

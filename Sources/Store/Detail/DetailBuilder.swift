import Foundation
import WaldurClient

/// Builds the detail view model of an order. Pure; dates in UTC.
public enum DetailBuilder {
    /// The most UTF-8 bytes of a multi-line text (traceback, comment, output) that the pane shows; the rest is cut with a note.
    public static let maxMultilineBytes = 32 * 1024

    /// The detail of `order`; `isFull` false when it is only the trimmed list form.
    public static func build(_ order: Order, isFull: Bool = true, isLoading: Bool = false, loadError: String? = nil,
                             isStaff: Bool = false) -> DetailViewModel {
        typealias L = DetailViewModel.Line
        var sections: [DetailViewModel.Section] = []
        func add(_ title: String, _ role: DetailViewModel.Role, _ lines: [L]) {
            if !lines.isEmpty { sections.append(DetailViewModel.Section(title: title, role: role, lines: lines)) }
        }

        if isLoading || !isFull || loadError != nil {
            var notes: [L] = []
            if let loadError { notes.append(L(.notice, "could not load the full order: \(loadError)")) } else if isLoading || !isFull { notes.append(L(.notice, "loading the full order…")) }
            add("Status", .notice, notes)
        }

        // Identification
        var id: [L] = []
        func kv(_ lines: inout [L], _ role: DetailViewModel.Role, _ key: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append(L(role, key: key, value)) }
        }
        kv(&id, .identification, "uuid", order.uuid.hex)
        kv(&id, .identification, "type", order.type?.wire)
        kv(&id, .identification, "state", order.state?.wire)
        let offering = [order.offeringName, order.offeringType.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        kv(&id, .identification, "offering", offering)
        kv(&id, .identification, "plan", order.planName)
        kv(&id, .identification, "project", order.projectName)
        kv(&id, .identification, "customer", order.customerName)
        kv(&id, .identification, "provider", order.providerName)
        kv(&id, .identification, "resource", order.resourceName)
        kv(&id, .identification, "backend id", order.backendID)
        kv(&id, .identification, "created by", person(order.createdByFullName, order.createdByUsername ?? order.createdBy))
        add("Order", .identification, id)

        // Money
        var money: [L] = []
        let unit = planUnit(order.planUnit)
        kv(&money, .money, "cost", order.cost.map { AmountText.withExact($0.value) + (unit.map { " per \($0)" } ?? "") })
        kv(&money, .money, "fixed price", order.fixedPrice.map { AmountText.withExact($0.value) })
        kv(&money, .money, "activation price", order.activationPrice.map { AmountText.withExact($0.value) })
        kv(&money, .money, "plan unit", unit)
        add("Money", .money, money)

        // Plan change
        if order.type == .update {
            add("Plan change", .planChange, planChange(order))
        }

        add("History", .history, history(order))

        // Error
        if order.state == .erred || !(order.errorMessage ?? "").isEmpty {
            var err: [L] = []
            err.append(L(.error, key: "error", (order.errorMessage ?? "").isEmpty ? "(no message)" : order.errorMessage ?? ""))
            if let tb = order.errorTraceback {
                if tb.isEmpty { err.append(L(.traceback, key: "traceback", "(empty)")) } else {
                    err.append(L(.traceback, key: "traceback", ""))
                    for line in TextFolding.displayLines(TextFolding.clipped(tb, maxBytes: maxMultilineBytes)) { err.append(L(.traceback, "  " + line)) }
                }
            } else if isFull {
                err.append(L(.traceback, key: "traceback", "traceback hidden: staff only"))
            }
            add("Error", .error, err)
        }

        add("Attributes", .attributes, keyValues(order.attributes, role: .attributes))
        add("Limits", .limits, keyValues(order.limits, role: .limits))

        var other: [L] = []
        if let c = order.requestComment, !c.isEmpty { other += labelledOnce(.comment, "request comment", c) }
        kv(&other, .attachment, "attachment", order.attachment)
        kv(&other, .schedule, "start date", order.startDate)
        kv(&other, .callback, "callback URL", order.callbackURL)
        if let out = order.output, !out.isEmpty {
            other.append(L(.output, key: "output", ""))
            for line in TextFolding.displayLines(TextFolding.clipped(out, maxBytes: maxMultilineBytes)) { other.append(L(.output, "  " + line)) }
        }
        add("Other", .comment, other)

        let title = [order.type?.wire, order.offeringName, order.state?.wire].compactMap { $0 }.joined(separator: " · ")
        return DetailViewModel(uuid: order.uuid, title: TextFolding.displayLine(TextFolding.clipped(title, maxBytes: DetailViewModel.Line.maxBytes)), sections: sections,
                               isLoading: isLoading, loadError: loadError)
    }

    /// "Carol Consumer (consumer)".
    static func person(_ full: String?, _ user: String?) -> String? {
        let f = (full ?? "").isEmpty ? nil : full
        let u = (user ?? "").isEmpty ? nil : user
        switch (f, u) {
        case let (f?, u?) where f != u: return "\(f) (\(u))"
        case let (f?, _): return f
        case let (nil, u?): return u
        default: return nil
        }
    }

    /// An amount as the detail shows it (see `AmountText`): to the cent, plus the exact value when it has more digits.
    public static func format(_ value: Decimal) -> String { AmountText.withExact(value) }

    static func planUnit(_ json: JSONValue?) -> String? {
        guard let json, case let .string(s) = json, !s.isEmpty else { return nil }
        return s
    }

    static func date(_ d: Date?) -> String { d.map { ListRow.formatDate($0) + " UTC" } ?? "(time unknown)" }

    static func planChange(_ order: Order) -> [DetailViewModel.Line] {
        typealias L = DetailViewModel.Line
        var lines: [L] = []
        if let line = planLine(order) { lines.append(line) }
        if let old = order.oldCostEstimate?.value, let new = order.newCostEstimate?.value {
            let diff = new - old
            var text = "\(format(old)) → \(format(new)) (\(diff >= 0 ? "+" : "")\(format(diff))"
            if old != 0 {
                var pct = diff / old * 100, r = Decimal()
                NSDecimalRound(&r, &pct, 1, .plain)
                text += ", \(r >= 0 ? "+" : "")\(Money(r).formatted(places: 1))%"
            }
            lines.append(L(.planChange, key: "cost estimate", text + ")"))
        } else if let new = order.newCostEstimate?.value {
            lines.append(L(.planChange, key: "cost estimate", "? → \(format(new))"))
        }
        lines += limitChanges(order)
        return lines
    }

    static func pairs(_ json: JSONValue?) -> [(String, String)] {
        guard let json, case let .object(members) = json else { return [] }
        return members.map { ($0.0, text($0.1)) }
    }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case let .string(s): return s
        case .null: return "null"
        default: return JSONWriter.string(v)
        }
    }

    static func keyValues(_ json: JSONValue?, role: DetailViewModel.Role) -> [DetailViewModel.Line] {
        guard let json else { return [] }
        if case let .object(members) = json {
            return members.map { DetailViewModel.Line(role, key: $0.0, text($0.1)) }
        }
        return [DetailViewModel.Line(role, text(json))]
    }

    /// One event per line, in time order; each review names its own reviewer.
    static func history(_ o: Order) -> [DetailViewModel.Line] {
        var events: [(Date?, Int, String)] = []
        var n = 0
        func add(_ d: Date?, _ s: String) { events.append((d, n, s)); n += 1 }
        add(o.created, "\(date(o.created))  created by \(person(o.createdByFullName, o.createdByUsername ?? o.createdBy) ?? "unknown")")
        let consumer = person(o.consumerReviewedByFullName, OrderRow.nonEmpty(o.consumerReviewedByUsername) ?? o.consumerReviewedBy)
        let provider = person(o.providerReviewedByFullName, OrderRow.nonEmpty(o.providerReviewedByUsername) ?? o.providerReviewedBy)
        let rejected = o.state == .rejected
        if o.consumerReviewedAt != nil || consumer != nil {
            let verdict = rejected && o.providerReviewedAt == nil && provider == nil ? "rejected" : "approved"
            add(o.consumerReviewedAt, "\(date(o.consumerReviewedAt))  consumer review: \(verdict) by \(consumer ?? "unknown")")
        }
        if o.providerReviewedAt != nil || provider != nil {
            add(o.providerReviewedAt, "\(date(o.providerReviewedAt))  provider review: \(rejected ? "rejected" : "approved") by \(provider ?? "unknown")")
        }
        if let done = o.completedAt { add(done, "\(date(done))  completed") }
        if o.state == .canceled {
            let comment = (o.terminationComment ?? "").isEmpty ? "" : ": \(o.terminationComment ?? "")"
            add(o.modified, "\(date(o.modified))  canceled\(comment)")
        }
        if o.state == .erred {
            let msg = (o.errorMessage ?? "").isEmpty ? "" : ": \(o.errorMessage ?? "")"
            add(o.modified, "\(date(o.modified))  erred\(msg)")
        }
        events.sort { a, b in
            switch (a.0, b.0) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.1 < b.1
            }
        }
        return events.map { DetailViewModel.Line(.history, $0.2) }
    }
}

import WaldurClient

/// The list filters of `GET /marketplace-orders/`, validated the way django-filter does.
struct ListFilter {
    var states: [OrderState] = []
    var types: [OrderType] = []
    var projectUUID: UUIDKey?
    var customerUUID: UUIDKey?
    var offeringUUIDs: [UUIDKey] = []
    var categoryUUID: UUIDKey?
    var providerUUID: UUIDKey?
    var resourceUUID: UUIDKey?
    var parentOfferingUUID: UUIDKey?
    /// nil: no filter; a key that matches nobody when the value was not a known user.
    var serviceManager: UUIDKey??
    var offeringURLKey: UUIDKey??
    var resourceURLKey: UUIDKey??
    var offeringSlugs: [String] = []
    var offeringTypes: [String] = []
    var createdSince: Int64?
    var modifiedSince: Int64?
    var query: String?
    var canApproveAsConsumer: Bool?
    var canApproveAsProvider: Bool?
    /// Ordering keys with an optional leading `-`.
    var ordering: [String] = []

    static let orderingKeys = ["created", "consumer_reviewed_at", "cost", "state"]

    /// The filter, or the 400 field map a real server would answer.
    static func parse(_ q: QueryString) -> Result<ListFilter, HTTPAnswerBox> {
        var f = ListFilter()
        var errors: [(String, String)] = []
        for v in q.values("state") where !v.isEmpty {
            let s = OrderState(wire: v)
            if case .unknown = s { errors.append(("state", "Select a valid choice. \(v) is not one of the available choices.")) } else { f.states.append(s) }
        }
        for v in q.values("type") where !v.isEmpty {
            let t = OrderType(wire: v)
            if case .unknown = t { errors.append(("type", "Select a valid choice. \(v) is not one of the available choices.")) } else { f.types.append(t) }
        }
        func uuid(_ name: String) -> UUIDKey? {
            guard let v = q.last(name), !v.isEmpty else { return nil }
            if let k = UUIDKey(parsing: v.trimmed) { return k }
            errors.append((name, "Enter a valid UUID."))
            return nil
        }
        f.projectUUID = uuid("project_uuid")
        f.customerUUID = uuid("customer_uuid")
        f.categoryUUID = uuid("category_uuid")
        f.providerUUID = uuid("provider_uuid")
        f.resourceUUID = uuid("resource_uuid")
        f.parentOfferingUUID = uuid("parent_offering_uuid")
        if let v = q.last("offering_uuid"), !v.isEmpty {
            for piece in v.split(separator: ",") {
                if let k = UUIDKey(parsing: Substring(piece.trimmed)) { f.offeringUUIDs.append(k) } else {
                    errors.append(("offering_uuid", "Enter a valid UUID."))
                    break
                }
            }
        }
        if let v = q.last("service_manager_uuid"), !v.isEmpty { f.serviceManager = .some(UUIDKey(parsing: v.trimmed)) }
        if let v = q.last("offering"), !v.isEmpty { f.offeringURLKey = .some(Self.trailingUUID(v)) }
        if let v = q.last("resource"), !v.isEmpty { f.resourceURLKey = .some(Self.trailingUUID(v)) }
        if let v = q.last("offering_slug"), !v.isEmpty { f.offeringSlugs = v.split(separator: ",").map { $0.trimmed } }
        for v in q.values("offering_type") where !v.isEmpty { f.offeringTypes += v.split(separator: ",").map(String.init) }
        func date(_ name: String) -> Int64? {
            guard let v = q.last(name), !v.isEmpty else { return nil }
            if let t = Timestamp.parse(v) { return t }
            errors.append((name, "Enter a valid date/time."))
            return nil
        }
        f.createdSince = date("created")
        f.modifiedSince = date("modified")
        if let v = q.last("query"), !v.isEmpty { f.query = v }
        f.canApproveAsConsumer = q.last("can_approve_as_consumer").flatMap(Self.bool)
        f.canApproveAsProvider = q.last("can_approve_as_provider").flatMap(Self.bool)
        for v in q.values("o") where !v.isEmpty {
            for key in v.split(separator: ",").map(String.init) {
                let bare = key.hasPrefix("-") ? String(key.dropFirst()) : key
                if Self.orderingKeys.contains(bare) { f.ordering.append(key) } else {
                    errors.append(("o", "Select a valid choice. \(key) is not one of the available choices."))
                }
            }
        }
        if !errors.isEmpty {
            // One message per field, the first one, in the order the fields were checked.
            var seen = Set<String>()
            let unique = errors.filter { seen.insert($0.0).inserted }
            return .failure(HTTPAnswerBox(HTTPAnswer.fields(unique, allow: HTTPAnswer.collectionAllow)))
        }
        return .success(f)
    }

    /// Django's NullBooleanField: true/false/1/0 in any case; anything else means no filter.
    static func bool(_ v: String) -> Bool? {
        switch v.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: return nil
        }
    }

    /// The last path component of a hyperlink that is a UUID.
    static func trailingUUID(_ url: String) -> UUIDKey? {
        let path = url.split(separator: "?").first ?? Substring(url)
        return path.split(separator: "/").last.flatMap { UUIDKey(parsing: $0) }
    }
}

/// Boxes an answer so it can be a `Result` failure.
struct HTTPAnswerBox: Error {
    let answer: HTTPAnswer
    init(_ answer: HTTPAnswer) { self.answer = answer }
}

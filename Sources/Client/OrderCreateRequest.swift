/// The body of `POST /api/marketplace-orders/`; `offering`, `plan` and `project` are hyperlinks (URLs).
public struct OrderCreateRequest: Sendable, Equatable {
    public var offering: String
    public var project: String
    public var plan: String?
    public var attributes: JSONValue?
    public var limits: JSONValue?
    public var acceptingTermsOfService: Bool?
    public var callbackURL: String?
    public var requestComment: String?
    public var type: OrderType?
    /// A calendar date, `YYYY-MM-DD`.
    public var startDate: String?

    public init(offering: String, project: String, plan: String? = nil, attributes: JSONValue? = nil, limits: JSONValue? = nil,
                acceptingTermsOfService: Bool? = nil, callbackURL: String? = nil, requestComment: String? = nil,
                type: OrderType? = nil, startDate: String? = nil) {
        self.offering = offering
        self.project = project
        self.plan = plan
        self.attributes = attributes
        self.limits = limits
        self.acceptingTermsOfService = acceptingTermsOfService
        self.callbackURL = callbackURL
        self.requestComment = requestComment
        self.type = type
        self.startDate = startDate
    }

    /// The JSON body, keys in the reference's order, unset ones left out.
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [("offering", .string(offering))]
        if let plan { m.append(("plan", .string(plan))) }
        if let attributes { m.append(("attributes", attributes)) }
        if let limits { m.append(("limits", limits)) }
        if let acceptingTermsOfService { m.append(("accepting_terms_of_service", .bool(acceptingTermsOfService))) }
        if let callbackURL { m.append(("callback_url", .string(callbackURL))) }
        if let requestComment { m.append(("request_comment", .string(requestComment))) }
        if let type { m.append(("type", .string(type.wire))) }
        if let startDate { m.append(("start_date", .string(startDate))) }
        m.append(("project", .string(project)))
        return .object(m)
    }
}

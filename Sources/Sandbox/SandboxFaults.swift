/// Faults the sandbox injects into its answers, for hardening tests.
///
/// Grammar (rules separated by commas; whitespace ignored; `none` or an empty spec clears all):
/// ```
/// spec     = "none" | rule *("," rule)
/// rule     = "latency=" duration [":" scopes]          delay every matching answer
///          | "error=" probability ":" status [":" scopes]   answer `status` instead, with that probability
///          | "stall=" scopes                            never answer (until the client gives up or the sandbox stops)
///          | "drop=" scopes                             send the head, then cut the connection mid-body
///          | "truncate=" scopes                         the real answer with its body cut in half (a complete
///                                                       response whose JSON ends early)
///          | "garbage=" scopes                          200 with an HTML page instead of JSON (a proxy's error page)
/// duration = digits ("ms" | "s")                        e.g. 200ms, 2s
/// probability = decimal in 0...1                        e.g. 0.3, 1
/// status   = 400...599                                  429 and 503 carry `Retry-After: 1`; 502/503/504 have an HTML body
/// scopes   = scope *("+" scope)                         default: all
/// scope    = "all" | "reads" | "mutations" | "list" | "retrieve" | "offering" | "create" | "delete"
///          | an action name such as "approve_by_consumer"
/// ```
/// Example: `latency=200ms,error=0.3:503:list,stall=offering,drop=approve_by_consumer`.
/// Errors are drawn from a PRNG seeded with the sandbox seed, so a run is repeatable.
public struct SandboxFaults: Sendable, Equatable {
    enum Effect: Sendable, Equatable {
        case latency(milliseconds: Int)
        case error(probability: Double, status: Int)
        case stall
        case drop
        case truncate
        case garbage
    }

    struct Rule: Sendable, Equatable {
        var effect: Effect
        var scopes: [String]
    }

    var rules: [Rule] = []

    /// No faults.
    public init() {}

    /// Parses a spec; the error names the rule that could not be read.
    public init(spec: String) throws(SandboxFaultSpecError) {
        let text = spec.filter { !$0.isWhitespace }
        if text.isEmpty || text == "none" { return }
        for raw in text.split(separator: ",") {
            let kv = raw.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { throw SandboxFaultSpecError(rule: String(raw), reason: "expected name=value") }
            let parts = kv[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            func scopes(_ i: Int) throws(SandboxFaultSpecError) -> [String] {
                guard i < parts.count else { return ["all"] }
                let s = parts[i].split(separator: "+").map(String.init)
                for name in s where !Self.isScope(name) { throw SandboxFaultSpecError(rule: String(raw), reason: "unknown scope \(name)") }
                return s.isEmpty ? ["all"] : s
            }
            switch kv[0] {
            case "latency":
                guard let ms = Self.milliseconds(parts[0]) else { throw SandboxFaultSpecError(rule: String(raw), reason: "bad duration \(parts[0])") }
                rules.append(Rule(effect: .latency(milliseconds: ms), scopes: try scopes(1)))
            case "error":
                guard parts.count >= 2, let p = Double(parts[0]), p >= 0, p <= 1 else {
                    throw SandboxFaultSpecError(rule: String(raw), reason: "expected error=PROBABILITY:STATUS")
                }
                guard let status = Int(parts[1]), (400...599).contains(status) else {
                    throw SandboxFaultSpecError(rule: String(raw), reason: "status must be 400...599")
                }
                rules.append(Rule(effect: .error(probability: p, status: status), scopes: try scopes(2)))
            case "stall":
                rules.append(Rule(effect: .stall, scopes: try scopes(0)))
            case "drop":
                rules.append(Rule(effect: .drop, scopes: try scopes(0)))
            case "truncate":
                rules.append(Rule(effect: .truncate, scopes: try scopes(0)))
            case "garbage":
                rules.append(Rule(effect: .garbage, scopes: try scopes(0)))
            default:
                throw SandboxFaultSpecError(rule: String(raw), reason: "unknown fault \(kv[0])")
            }
        }
    }

    static func milliseconds(_ s: String) -> Int? {
        if s.hasSuffix("ms") { return Int(s.dropLast(2)).flatMap { $0 >= 0 ? $0 : nil } }
        if s.hasSuffix("s") { return Int(s.dropLast()).flatMap { $0 >= 0 ? $0 * 1000 : nil } }
        return nil
    }

    static func isScope(_ s: String) -> Bool {
        ["all", "reads", "mutations", "list", "retrieve", "offering", "create", "delete"].contains(s) || SandboxAction(rawValue: s) != nil
    }

    static func matches(_ scopes: [String], _ route: String) -> Bool {
        let reads = ["list", "retrieve", "offering"]
        for s in scopes {
            if s == "all" || s == route { return true }
            if s == "reads" && reads.contains(route) { return true }
            // GET /users/me/ ("me") reads, but is no order read: only "all" reaches it.
            if s == "mutations" && !reads.contains(route) && route != "other" && route != "me" { return true }
        }
        return false
    }
}

/// A fault spec that could not be read.
public struct SandboxFaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    public let reason: String
    public var description: String { "bad fault rule \"\(rule)\": \(reason)" }
}

/// What to do with one request, decided from the faults.
struct FaultDecision: Sendable {
    var latencyMilliseconds = 0
    var errorStatus: Int?
    var stall = false
    var drop = false
    var truncate = false
    var garbage = false

    /// What `garbage` answers: a 200 that is not JSON.
    static let garbageAnswer = HTTPAnswer(status: 200, headers: [("Content-Type", "text/html")],
                                          body: Array("<html><body><h1>Welcome to nginx!</h1></body></html>\r\n".utf8))

    /// `answer` as the decided body faults leave it (the request itself was handled).
    func mangled(_ answer: HTTPAnswer) -> HTTPAnswer {
        if garbage { return Self.garbageAnswer }
        guard truncate, answer.body.count > 1 else { return answer }
        var cut = answer
        cut.body = Array(answer.body.prefix(answer.body.count / 2))
        return cut
    }

    /// The injected error answer.
    static func errorAnswer(_ status: Int) -> HTTPAnswer {
        var answer: HTTPAnswer
        switch status {
        case 502, 503, 504:
            let title = status == 502 ? "502 Bad Gateway" : status == 503 ? "503 Service Temporarily Unavailable" : "504 Gateway Time-out"
            let html = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            answer = HTTPAnswer(status: status, headers: [("Content-Type", "text/html")], body: Array(html.utf8))
        case 429:
            answer = .detail(429, "Request was throttled. Expected available in 1 second.")
        default:
            answer = .detail(status, "Injected fault (HTTP \(status)).")
        }
        if status == 429 || status == 503 { answer.headers.append(("Retry-After", "1")) }
        return answer
    }
}

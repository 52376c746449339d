/// What a request path and method address, resolved before authentication (as Django's URL resolver does).
enum Route: Equatable {
    case list
    case create
    case retrieve(Substring)
    case destroy(Substring)
    case action(Substring, SandboxAction)
    case offering(Substring)
    /// `GET /api/users/me/`: who the token belongs to (clients read the staff flag from it).
    case me
    case options(allow: String)
    /// A route that exists but not for this method.
    case methodNotAllowed(String, allow: String)
    /// No route: Django's HTML 404.
    case notFound

    init(method: String, path: String) {
        if path == "/api/users/me/" {
            let m = method == "HEAD" ? "GET" : method
            self = m == "GET" ? .me : .methodNotAllowed(method, allow: HTTPAnswer.readAllow)
            return
        }
        let prefix = "/api/marketplace-orders/"
        guard path.hasPrefix(prefix), path.hasSuffix("/") else { self = .notFound; return }
        let rest = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let m = method == "HEAD" ? "GET" : method
        switch rest.count {
        case 0:
            switch m {
            case "GET": self = .list
            case "POST": self = .create
            case "OPTIONS": self = .options(allow: HTTPAnswer.collectionAllow)
            default: self = .methodNotAllowed(method, allow: HTTPAnswer.collectionAllow)
            }
        case 1:
            let id = rest[rest.startIndex]
            guard !id.isEmpty else { self = .notFound; return }
            switch m {
            case "GET": self = .retrieve(id)
            case "DELETE": self = .destroy(id)
            case "OPTIONS": self = .options(allow: HTTPAnswer.detailAllow)
            default: self = .methodNotAllowed(method, allow: HTTPAnswer.detailAllow)
            }
        case 2:
            let id = rest[rest.startIndex]
            let name = rest[rest.startIndex + 1]
            guard !id.isEmpty else { self = .notFound; return }
            if name == "offering" {
                switch m {
                case "GET": self = .offering(id)
                case "OPTIONS": self = .options(allow: HTTPAnswer.readAllow)
                default: self = .methodNotAllowed(method, allow: HTTPAnswer.readAllow)
                }
            } else if let action = SandboxAction.named(name), action != .destroy {
                switch m {
                case "POST": self = .action(id, action)
                case "OPTIONS": self = .options(allow: HTTPAnswer.actionAllow)
                default: self = .methodNotAllowed(method, allow: HTTPAnswer.actionAllow)
                }
            } else {
                self = .notFound
            }
        default:
            self = .notFound
        }
    }

    /// The name faults and mutation counters use: list, create, retrieve, delete, offering, or the action.
    var scope: String {
        switch self {
        case .list: return "list"
        case .create: return "create"
        case .retrieve: return "retrieve"
        case .destroy: return "delete"
        case let .action(_, a): return a.rawValue
        case .offering: return "offering"
        case .me: return "me"
        case .options, .methodNotAllowed, .notFound: return "other"
        }
    }

    /// The order a mutating request targets, when it is one.
    var mutation: (id: Substring, action: String)? {
        switch self {
        case let .destroy(id): return (id, "delete")
        case let .action(id, a): return (id, a.rawValue)
        default: return nil
        }
    }
}

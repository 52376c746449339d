import Foundation
import WaldurClient

extension SandboxStore {
    /// Runs an action with the real server's checks in its order: visibility (404), permission (403), state (409), type (405).
    func perform(_ action: SandboxAction, id: Substring, _ req: SandboxRequest, _ access: Access) -> HTTPAnswer {
        let allow = action == .destroy ? HTTPAnswer.detailAllow : HTTPAnswer.actionAllow
        if action == .unlink && !access.isStaff { return .forbidden(allow: allow) }
        guard let i = lookup(id, access) else { return .notFoundOrder(allow: allow) }
        let o = orders[i]
        guard action.permitted(access, o) else { return .forbidden(allow: allow) }
        if let valid = action.validStates, !valid.contains(o.state) { return .detail(409, action.stateMessage, allow: allow) }
        let offeringType = catalog.offerings[o.offering].type
        if let types = action.offeringTypes, !types.contains(offeringType) {
            return .detail(405, "Method \"The order's offering with \(offeringType) type does not support this action\" not allowed.", allow: allow)
        }
        let user = access.user
        switch action {
        case .approveByConsumer:
            let now = stamp()
            orders[i].consumerReviewer = user
            orders[i].consumerReviewedAt = now
            if let start = catalog.projects[o.project].startMicros, start > now {
                orders[i].state = .pendingProject
            } else if catalog.offerings[o.offering].needsProviderReview {
                orders[i].state = .pendingProvider
            } else {
                startExecuting(i, now)
            }
            orders[i].modified = now
            return .detail(200, "Order has been approved by consumer.", allow: allow)
        case .approveByProvider:
            var attributes: JSONValue?
            switch bodyMembers(req, allow) {
            case let .failure(box): return box.answer
            case let .success(m):
                if let a = m.value("attributes") {
                    guard case .object = a else {
                        return .fields([("attributes", "Expected a dictionary of items but got type \"\(FormData.pythonType(a))\".")], allow: allow)
                    }
                    attributes = a
                }
            }
            let now = stamp()
            if let attributes {
                var merged = OrderRenderer(catalog: catalog, access: access, origin: "", fields: []).attributes(o).objectValue ?? []
                for (k, v) in attributes.objectValue ?? [] {
                    merged.removeAll { $0.0 == k }
                    merged.append((k, v))
                }
                orders[i].attributesOverride = .object(merged)
            }
            orders[i].providerReviewer = user
            orders[i].providerReviewedAt = now
            startExecuting(i, now)
            orders[i].modified = now
            return .detail(200, "Order has been approved by provider.", allow: allow)
        case .rejectByConsumer:
            let now = stamp()
            orders[i].consumerReviewer = user
            orders[i].consumerReviewedAt = now
            orders[i].state = .rejected
            orders[i].modified = now
            return .empty(200, allow: allow)
        case .rejectByProvider:
            if case let .failure(box) = bodyMembers(req, allow) { return box.answer }
            let now = stamp()
            orders[i].providerReviewer = user
            orders[i].providerReviewedAt = now
            orders[i].state = .rejected
            orders[i].modified = now
            return .empty(200, allow: allow)
        case .cancel:
            orders[i].state = .canceled
            orders[i].modified = stamp()
            return .empty(202, allow: allow)
        case .setStateExecuting, .retry:
            orders[i].state = .executing
            orders[i].modified = stamp()
            return .empty(200, allow: allow)
        case .setStateDone:
            let now = stamp()
            orders[i].state = .done
            orders[i].completedAt = now
            orders[i].modified = now
            return .empty(200, allow: allow)
        case .setStateErred:
            let members: [(String, JSONValue)]
            switch bodyMembers(req, allow) {
            case let .failure(box): return box.answer
            case let .success(m): members = m
            }
            var errors: [(String, String)] = []
            var values: [String: String] = [:]
            for key in ["error_message", "error_traceback"] {
                switch members.value(key) {
                case nil: errors.append((key, "This field is required."))
                case let .string(s)?: values[key] = s
                case .null?: errors.append((key, "This field may not be null."))
                case let v?:
                    if case let .number(n) = v { values[key] = n } else { errors.append((key, "Not a valid string.")) }
                }
            }
            if !errors.isEmpty { return .fields(errors, allow: allow) }
            // As the real server (2024-10): only an executing order becomes erred; on any other state the texts are
            // replaced and the state stays.
            if o.state == .executing { orders[i].state = .erred }
            orders[i].errorMessage = values["error_message"] ?? ""
            orders[i].errorTraceback = values["error_traceback"] ?? ""
            orders[i].modified = stamp()
            return .empty(200, allow: allow)
        case .setBackendID:
            switch bodyMembers(req, allow) {
            case let .failure(box): return box.answer
            case let .success(m):
                switch m.value("backend_id") {
                case nil: return .fields([("backend_id", "This field is required.")], allow: allow)
                case let .string(s)?: orders[i].backendID = s
                case let .number(n)?: orders[i].backendID = n
                default: return .fields([("backend_id", "Not a valid string.")], allow: allow)
                }
            }
            orders[i].modified = stamp()
            return .empty(200, allow: allow)
        case .unlink, .destroy:
            orders[i].deleted = true
            index[o.key] = nil
            return .empty(204, allow: allow)
        case .updateAttachment:
            let form: FormData
            switch FormData.parse(req, allow: allow) {
            case let .failure(box): return box.answer
            case let .success(f): form = f
            }
            guard case let .files(body) = form, let file = body.parts.first(where: { $0.name == "attachment" && $0.filename != nil }) else {
                return .fields([("attachment", "No file was submitted. Check the encoding type on the form.")], allow: allow)
            }
            if file.data.isEmpty { return .fields([("attachment", "The submitted file is empty.")], allow: allow) }
            let name = Self.storageName(file.filename ?? "attachment")
            orders[i].attachment = name
            orders[i].modified = stamp()
            let url = OrderRenderer(catalog: catalog, access: access, origin: req.origin, fields: []).attachmentURL(name)
            return .json(200, .object([("attachment", .string(url))]), allow: allow)
        case .deleteAttachment:
            orders[i].attachment = nil
            orders[i].modified = stamp()
            return .empty(204, allow: allow)
        }
    }

    /// Executing, or pending-start-date when the order's start date is still ahead.
    func startExecuting(_ i: Int, _ now: Int64) {
        if let start = orders[i].startMicros, start > now { orders[i].state = .pendingStartDate } else { orders[i].state = .executing }
    }

    func bodyMembers(_ req: SandboxRequest, _ allow: String) -> Result<[(String, JSONValue)], HTTPAnswerBox> {
        switch FormData.parse(req, allow: allow) {
        case let .failure(box): return .failure(box)
        case let .success(form): return form.members(allow: allow)
        }
    }

    /// Django's get_valid_filename: spaces to underscores, only letters, digits, `-`, `_` and `.` kept.
    static func storageName(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var out = ""
        for ch in base.replacingOccurrences(of: " ", with: "_").unicodeScalars where ch.properties.isAlphabetic || ("0"..."9").contains(ch) || "-_.".unicodeScalars.contains(ch) {
            out.unicodeScalars.append(ch)
        }
        if out.isEmpty || out == "." || out == ".." { out = "attachment" }
        return String(out.prefix(100))
    }
}

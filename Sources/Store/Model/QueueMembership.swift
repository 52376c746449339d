import WaldurClient

/// A queue's rule compiled against a row's compact state code: a bit per state code (built from the rule's set of
/// `OrderState`s through the row's own code mapping), or the "Needs me" bit, or everything.
struct QueueMembership: Sendable, Equatable {
    /// Bit k set: rows whose `stateCode` is k belong (codes of unknown states never do).
    var stateBits: UInt16 = 0
    var needsMe = false
    var everything = false

    init(_ rule: Queue.Rule) {
        switch rule {
        case let .states(states):
            for state in states {
                guard let code = OrderRow.code(of: state), code < 16 else { continue }
                stateBits |= 1 << UInt16(code)
            }
        case .needsMe: needsMe = true
        case .all: everything = true
        case .filter: break
        }
    }

    /// Whether a row with this `hot` byte (state code in the low 4 bits, 15 unknown; bit 7: in "Needs me") belongs.
    @inline(__always)
    func contains(hot v: UInt8) -> Bool {
        if everything { return true }
        if needsMe { return v & 0x80 != 0 }
        return stateBits & (1 << UInt16(v & 0x0F)) != 0
    }

    /// The memberships of the built-in queues, in tab order.
    static let builtIn: [QueueMembership] = Queue.builtIn.map { QueueMembership($0.rule) }
}

/// Progress of a list load, from the total the server announced.
public struct LoadProgress: Sendable, Equatable {
    public var loaded: Int
    /// `X-Result-Count` of the first page, when sent.
    public var total: Int?

    /// "loading 3,400 of 10,000".
    public var text: String {
        if let total { return "loading \(LoadProgress.grouped(loaded)) of \(LoadProgress.grouped(total))" }
        return "loading \(LoadProgress.grouped(loaded))"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// The answer to a state action: its status and the `detail` newer servers send (older ones send no body).
public struct ActionResult: Sendable, Equatable {
    public var status: Int
    public var detail: String?

    public init(status: Int, detail: String?) {
        self.status = status
        self.detail = detail
    }
}

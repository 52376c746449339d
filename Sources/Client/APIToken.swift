/// An API token. Its text never appears in descriptions, logs or errors.
public struct APIToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; use only to build the Authorization header.
    public let secret: String

    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Personal access tokens (`w_<timestamp>_<random>`) travel as Bearer, classic tokens as Token.
    public var isPersonalAccessToken: Bool { secret.hasPrefix("w_") }

    /// The value of the `Authorization` header.
    public var authorizationHeader: String { (isPersonalAccessToken ? "Bearer " : "Token ") + secret }

    public var description: String { "<redacted token>" }
    public var debugDescription: String { "<redacted token>" }
}

import Foundation

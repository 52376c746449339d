import Foundation

/// The head of a snapshot file: what it is, for which server and user, when it was written and how much it holds.
/// Never holds a token or any other secret.
public struct SnapshotHeader: Sendable, Equatable {
    /// The first 8 bytes of every snapshot file.
    static let magic: [UInt8] = Array("WOSNAPSH".utf8)
    /// The format this build writes and reads; any other is ignored (and rebuilt).
    public static let formatVersion: UInt32 = 3

    /// The API root the rows were loaded from.
    public var server: String
    /// The username the rows were loaded as (their visibility and "Needs me" flags are that user's).
    public var user: String
    /// When the snapshot was written.
    public var writtenAt: Date
    /// The list fields (`field=` names) the rows were loaded with; empty: every field of the order.
    public var fields: [String] = []
    /// How many rows follow.
    public var rowCount: Int
    /// How many pool strings follow (id 0, the empty string, is implied).
    var stringCount: Int

    /// Whether the rows hold every field of `wanted` (a list load's `field=` names; empty wants everything).
    public func holds(fields wanted: [String]) -> Bool {
        fields.isEmpty || (!wanted.isEmpty && Set(wanted).isSubset(of: Set(fields)))
    }

    /// Whether this snapshot was written for `identity`.
    func matches(_ identity: SnapshotIdentity) -> Bool { server == identity.server && user == identity.user }
}

/// Which server and user a snapshot belongs to (its file name is derived from both; the header repeats them).
public struct SnapshotIdentity: Sendable, Equatable {
    /// The API root URL as configured.
    public var server: String
    /// The username (empty when the server did not say).
    public var user: String

    public init(server: String, user: String) {
        self.server = server
        self.user = user
    }
}

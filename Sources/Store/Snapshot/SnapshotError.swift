/// Why a snapshot file was not used (each is logged once and the file is rebuilt by the next write).
public enum SnapshotError: Error, Sendable, Equatable {
    /// The file does not start with the snapshot magic.
    case notASnapshot
    /// Written by another format version.
    case foreignVersion(UInt32)
    /// The file ends before its declared contents.
    case truncated
    /// The checksum does not match the contents.
    case checksumMismatch
    /// The contents contradict themselves (an id past the names, a duplicate name or order, a bad code).
    case corrupt(String)
    /// Written for another server or user.
    case foreignIdentity(server: String, user: String)

    /// One sentence for the log.
    public var message: String {
        switch self {
        case .notASnapshot: return "not a snapshot file"
        case let .foreignVersion(v): return "format version \(v), this build reads \(SnapshotHeader.formatVersion)"
        case .truncated: return "the file is truncated"
        case .checksumMismatch: return "the checksum does not match"
        case let .corrupt(why): return "corrupt: \(why)"
        case let .foreignIdentity(server, user): return "written for \(user.isEmpty ? "an unknown user" : user) on \(server)"
        }
    }
}

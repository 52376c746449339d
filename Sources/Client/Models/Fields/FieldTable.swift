/// A model's fields in wire order, with a key → position index built once from them: the one declaration that
/// decoding and encoding both read.
public struct FieldTable<Model>: Sendable {
    /// The fields in the order they are written.
    public let fields: [ModelField<Model>]
    /// Wire key → position in `fields` (the first field when a key were listed twice; tests forbid that).
    let positions: [String: Int]
    /// Wire key → the reader of its field: one hash lookup per member when decoding.
    let readers: [String: ModelField<Model>.Reader]

    /// A table of `fields`, in the order they are to be written.
    public init(_ fields: [ModelField<Model>]) {
        self.fields = fields
        var positions: [String: Int] = [:]
        positions.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() where positions[field.key] == nil { positions[field.key] = i }
        self.positions = positions
        readers = positions.mapValues { fields[$0].decode }
    }

    /// Every wire key, in table order.
    public var keys: [String] { fields.map(\.key) }

    /// The field read from the member `key`, if the table has one.
    public func field(for key: String) -> ModelField<Model>? {
        positions[key].map { fields[$0] }
    }

    /// Reads `members` in their order into `model`; members the table does not name go to `unknown`.
    /// A repeated member is read again (the last one wins); the error names the member that failed.
    @inline(__always)
    func decode(
        _ members: [(String, JSONValue)], into model: inout Model, unknown: (inout Model, String, JSONValue) -> Void
    ) throws(JSONDecodingError) {
        for (key, value) in members {
            if let read = readers[key] {
                try read(&model, value)
            } else {
                unknown(&model, key, value)
            }
        }
    }

    /// Reads `members` into `model`, ignoring members the table does not name.
    func decode(_ members: [(String, JSONValue)], into model: inout Model) throws(JSONDecodingError) {
        try decode(members, into: &model) { _, _, _ in }
    }

    /// The fields that are set, as members in table order.
    func encode(_ model: Model, reserving extra: Int = 0) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(fields.count + extra)
        for field in fields {
            if let value = field.encode(model) { members.append((field.key, value)) }
        }
        return members
    }
}

/// A model's fields in wire order, with a key → position index built once from them: the one declaration that
/// decoding and encoding both read.
public struct FieldTable<Model>: Sendable {
    /// The fields in the order they are written.
    public let fields: [ModelField<Model>]
    /// Wire key → position in `fields` (the first field when a key were listed twice; tests forbid that).
    let positions: [String: Int]
    /// The stores the decoder does itself, by position (nil: call the field's reader).
    let direct: ContiguousArray<DirectWrite?>
    /// The fields' readers, by position.
    let readers: ContiguousArray<ModelField<Model>.Reader>

    /// A table of `fields`, in the order they are to be written.
    public init(_ fields: [ModelField<Model>]) {
        self.fields = fields
        var positions: [String: Int] = [:]
        positions.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() where positions[field.key] == nil { positions[field.key] = i }
        self.positions = positions
        direct = ContiguousArray(fields.map(\.direct))
        readers = ContiguousArray(fields.map(\.decode))
    }

    /// Every wire key, in table order.
    public var keys: [String] { fields.map(\.key) }

    /// The field read from the member `key`, if the table has one.
    public func field(for key: String) -> ModelField<Model>? {
        positions[key].map { fields[$0] }
    }

    /// Sets the members `keys` of `target` to their values in `source` (a member unset in `source` is left alone).
    public func copy(_ keys: [String], from source: Model, to target: inout Model) {
        for key in keys {
            guard let i = positions[key], let value = fields[i].encode(source) else { continue }
            if let store = direct[i] { try? store.apply(value, key, to: &target) } else { try? readers[i](&target, value) }
        }
    }

    /// Reads `members` in their order into `model`; members the table does not name go to `unknown`.
    /// A repeated member is read again (the last one wins); the error names the member that failed.
    @inline(__always)
    func decode(
        _ members: [(String, JSONValue)], into model: inout Model, unknown: (inout Model, String, JSONValue) -> Void
    ) throws(JSONDecodingError) {
        for (key, value) in members {
            guard let i = positions[key] else {
                unknown(&model, key, value)
                continue
            }
            if let store = direct[i] {
                try store.apply(value, key, to: &model)
            } else {
                try readers[i](&model, value)
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

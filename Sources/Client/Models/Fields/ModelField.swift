import Foundation

/// One member of a model's JSON object: its wire key, its kind and the property it lives in. The reader and the
/// writer are made from the key path by the kind, so a key can only ever be read into and written from one property.
public struct ModelField<Model>: Sendable {
    /// The member's name on the wire, e.g. `error_message`.
    public let key: String
    /// How the member is represented on the wire.
    public let kind: FieldKind
    /// The property the member is read into and written from.
    public let path: PartialKeyPath<Model> & Sendable
    /// False for members servers send that the API reference does not name.
    public let isInReference: Bool
    /// Reads a member's value into the model.
    typealias Reader = @Sendable (inout Model, JSONValue) throws(JSONDecodingError) -> Void
    /// Reads the member's value into the model (null clears the property, except for `.object` fields).
    let decode: Reader
    /// The member's value, or nil when the property is unset.
    let encode: @Sendable (Model) -> JSONValue?
    /// The store the table's decoder does itself instead of calling `decode` (scalar kinds stored inline).
    let direct: DirectWrite?

    init(
        _ key: String, _ kind: FieldKind, _ path: PartialKeyPath<Model> & Sendable, direct: DirectWrite? = nil,
        decode: @escaping Reader, encode: @escaping @Sendable (Model) -> JSONValue?
    ) {
        self.key = key
        self.kind = kind
        self.path = path
        self.isInReference = true
        self.decode = decode
        self.encode = encode
        self.direct = direct
    }

    private init(_ field: ModelField, isInReference: Bool) {
        key = field.key
        kind = field.kind
        path = field.path
        self.isInReference = isInReference
        decode = field.decode
        encode = field.encode
        direct = field.direct
    }

    /// The same field, marked as sent by servers but not named by the API reference.
    public var notInReference: ModelField { ModelField(self, isInReference: false) }
}

extension ModelField {
    /// A string member; numbers and booleans are read as their text.
    public static func string(_ key: String, _ path: WritableKeyPath<Model, String?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .string, path, direct: .string(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.string(value, key), in: &model)
        } encode: { model in
            slot.get(model).map { .string($0) }
        }
    }

    /// A UUID member, kept as the text sent.
    public static func uuid(_ key: String, _ path: WritableKeyPath<Model, WaldurUUID?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .uuid, path, direct: .uuid(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.uuid(value, key), in: &model)
        } encode: { model in
            slot.get(model).map { .string($0.raw) }
        }
    }

    /// A UUID member that must be present and not empty; null or an empty value fails as `missing uuid`.
    public static func requiredUUID(_ key: String, _ path: WritableKeyPath<Model, WaldurUUID> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .uuid, path) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            guard let uuid = try JSONRead.uuid(value, key), !uuid.hex.isEmpty else {
                throw JSONDecodingError(path: key, reason: "missing uuid")
            }
            slot.set(uuid, in: &model)
        } encode: { model in
            .string(slot.get(model).raw)
        }
    }

    /// A boolean member (the strings `true` and `false` are accepted).
    public static func bool(_ key: String, _ path: WritableKeyPath<Model, Bool?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .bool, path, direct: .bool(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.bool(value, key), in: &model)
        } encode: { model in
            slot.get(model).map { .bool($0) }
        }
    }

    /// An integer member (a number or a numeric string).
    public static func int(_ key: String, _ path: WritableKeyPath<Model, Int?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .int, path, direct: .int(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.int(value, key), in: &model)
        } encode: { model in
            slot.get(model).map { .number(String($0)) }
        }
    }

    /// A floating-point member that is not money (coordinates); written as a number when finite.
    public static func double(_ key: String, _ path: WritableKeyPath<Model, Double?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .double, path, direct: .double(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.double(value, key), in: &model)
        } encode: { model in
            slot.get(model).flatMap { $0.isFinite ? .number(String($0)) : nil }
        }
    }

    /// A timestamp member; an empty string reads as unset, the writer uses microseconds and `Z`.
    public static func date(_ key: String, _ path: WritableKeyPath<Model, Date?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .date, path, direct: .date(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.date(value, key), in: &model)
        } encode: { model in
            slot.get(model).map { .string(WaldurDate.format($0)) }
        }
    }

    /// An amount of money from a decimal string or a number, digits kept and written back as sent.
    public static func money(_ key: String, _ path: WritableKeyPath<Model, Money?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .money, path, direct: .money(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.money(value, key), in: &model)
        } encode: { model in
            slot.get(model)?.json
        }
    }

    /// A name from a fixed set (`state`, `type`); names the client does not know are kept.
    public static func name<Name: WireNamed>(_ key: String, _ path: WritableKeyPath<Model, Name?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .name, path) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.string(value, key).map(Name.init(wire:)), in: &model)
        } encode: { model in
            slot.get(model).map { .string($0.wire) }
        }
    }

    /// A free-form member kept as sent; null reads as unset.
    public static func json(_ key: String, _ path: WritableKeyPath<Model, JSONValue?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .json, path, direct: .json(path)) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(JSONRead.value(value), in: &model)
        } encode: { model in
            slot.get(model)
        }
    }

    /// A nested object read through its own table; null leaves the property as it is, errors name `key.member`.
    public static func object<Element: JSONModel>(_ key: String, _ path: WritableKeyPath<Model, Element?> & Sendable) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .object, path) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            if value.isNull { return }
            do throws(JSONDecodingError) { slot.set(try Element(json: value), in: &model) } catch { throw error.under(key) }
        } encode: { model in
            slot.get(model)?.json
        }
    }

    /// A list of nested objects read through their own table; errors name `key[index].member`.
    public static func list<Element: JSONModel>(_ key: String, _ path: WritableKeyPath<Model, [Element]?> & Sendable) -> ModelField {
        list(key, path, decode: { (value: JSONValue) throws(JSONDecodingError) in try Element(json: value) })
    }

    /// A list whose elements are read by `decode` (for element types read in more than one way).
    public static func list<Element: JSONModel>(
        _ key: String, _ path: WritableKeyPath<Model, [Element]?> & Sendable,
        decode element: @escaping @Sendable (JSONValue) throws(JSONDecodingError) -> Element
    ) -> ModelField {
        let slot = PropertySlot(path)
        return ModelField(key, .list, path) { (model: inout Model, value: JSONValue) throws(JSONDecodingError) in
            slot.set(try JSONRead.array(value, key, element), in: &model)
        } encode: { model in
            slot.get(model).map { .array($0.map(\.json)) }
        }
    }
}

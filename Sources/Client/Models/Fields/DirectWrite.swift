import Foundation

/// A field the table's decoder stores itself instead of calling the field's reader: the property's storage type and
/// its byte offset inside the model. Decoding an order then costs a hash lookup, a switch and a store per member, as
/// the hand-written decoder did: no closure call, no reference counting of closure contexts.
///
/// Safety: a value is made only by the typed factories below, from a key path whose value type is the type its
/// storage stores, so the offset always addresses a property of exactly that type.
struct DirectWrite: Sendable {
    /// What is stored at the offset.
    enum Storage: Sendable { case string, uuid, bool, int, double, date, money, json }

    let storage: Storage
    /// The property's byte offset inside the model.
    let offset: Int

    private init?<Model, Value>(_ storage: Storage, _ path: WritableKeyPath<Model, Value>) {
        guard let offset = MemoryLayout<Model>.offset(of: path) else { return nil }
        self.storage = storage
        self.offset = offset
    }

    /// Stores into a `String?` property.
    static func string<Model>(_ path: WritableKeyPath<Model, String?>) -> DirectWrite? { DirectWrite(.string, path) }
    /// Stores into a `WaldurUUID?` property.
    static func uuid<Model>(_ path: WritableKeyPath<Model, WaldurUUID?>) -> DirectWrite? { DirectWrite(.uuid, path) }
    /// Stores into a `Bool?` property.
    static func bool<Model>(_ path: WritableKeyPath<Model, Bool?>) -> DirectWrite? { DirectWrite(.bool, path) }
    /// Stores into an `Int?` property.
    static func int<Model>(_ path: WritableKeyPath<Model, Int?>) -> DirectWrite? { DirectWrite(.int, path) }
    /// Stores into a `Double?` property.
    static func double<Model>(_ path: WritableKeyPath<Model, Double?>) -> DirectWrite? { DirectWrite(.double, path) }
    /// Stores into a `Date?` property.
    static func date<Model>(_ path: WritableKeyPath<Model, Date?>) -> DirectWrite? { DirectWrite(.date, path) }
    /// Stores into a `Money?` property.
    static func money<Model>(_ path: WritableKeyPath<Model, Money?>) -> DirectWrite? { DirectWrite(.money, path) }
    /// Stores into a `JSONValue?` property.
    static func json<Model>(_ path: WritableKeyPath<Model, JSONValue?>) -> DirectWrite? { DirectWrite(.json, path) }

    /// Reads `value` as the member `key` the way the field's reader does and stores it into `model`.
    @inline(__always)
    func apply<Model>(_ value: JSONValue, _ key: String, to model: inout Model) throws(JSONDecodingError) {
        // Each value is read (and may throw) before the store; nothing throws while a pointer to the model is held.
        switch storage {
        case .string: Self.store(try JSONRead.string(value, key), at: offset, in: &model)
        case .uuid: Self.store(try JSONRead.uuid(value, key), at: offset, in: &model)
        case .bool: Self.store(try JSONRead.bool(value, key), at: offset, in: &model)
        case .int: Self.store(try JSONRead.int(value, key), at: offset, in: &model)
        case .double: Self.store(try JSONRead.double(value, key), at: offset, in: &model)
        case .date: Self.store(try JSONRead.date(value, key), at: offset, in: &model)
        case .money: Self.store(try JSONRead.money(value, key), at: offset, in: &model)
        case .json: Self.store(JSONRead.value(value), at: offset, in: &model)
        }
    }

    /// Replaces the `Value` stored `offset` bytes into `model` (the old value is released as by an assignment).
    /// `offset` must be that of a stored property of type `Value` (`MemoryLayout.offset(of:)`).
    @inline(__always)
    static func store<Model, Value>(_ value: Value, at offset: Int, in model: inout Model) {
        withUnsafeMutablePointer(to: &model) { pointer in
            (UnsafeMutableRawPointer(pointer) + offset).assumingMemoryBound(to: Value.self).pointee = value
        }
    }
}

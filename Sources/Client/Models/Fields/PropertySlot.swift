/// Writes one stored property of a model: through its byte offset inside the model when it is stored inline (what
/// `MemoryLayout.offset(of:)` reports for a struct's stored property), else through the key path. Applying a key
/// path goes through the runtime on every call; the offset keeps table-driven decoding as fast as hand-written
/// assignments.
struct PropertySlot<Model, Value>: Sendable {
    /// The property.
    let path: WritableKeyPath<Model, Value> & Sendable
    /// Its byte offset inside `Model`, nil when it is not stored inline.
    let offset: Int?

    init(_ path: WritableKeyPath<Model, Value> & Sendable) {
        self.path = path
        offset = MemoryLayout<Model>.offset(of: path)
    }

    /// Replaces the property's value (the old value is released as by an assignment).
    @inline(__always)
    func set(_ value: Value, in model: inout Model) {
        guard let offset else {
            model[keyPath: path] = value
            return
        }
        DirectWrite.store(value, at: offset, in: &model)
    }

    /// The property's value.
    @inline(__always)
    func get(_ model: Model) -> Value { model[keyPath: path] }
}

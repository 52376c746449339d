/// A model read from and written to one JSON object, used as the element of `.object` and `.list` fields.
public protocol JSONModel: Sendable {
    /// Reads the model from a JSON object; the error names the failing member.
    init(json: JSONValue) throws(JSONDecodingError)
    /// The model as a JSON object in its table's order, unset fields left out.
    var json: JSONValue { get }
}

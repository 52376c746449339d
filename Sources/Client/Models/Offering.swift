import Foundation

/// The offering of an order (`GET …/{uuid}/offering/`), with its plans and components.
public struct Offering: Sendable, Hashable {
    public var uuid: WaldurUUID?
    public var name: String?
    public var type: String?
    /// Every member as sent, for fields without a typed property.
    public var raw: JSONValue

    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case .object = json else { throw JSONDecodingError(path: "", reason: "expected an offering object, got \(JSONRead.kind(json))") }
        raw = json
        uuid = try json["uuid"].flatMap { v throws(JSONDecodingError) in try JSONRead.uuid(v, "uuid") }
        name = try json["name"].flatMap { v throws(JSONDecodingError) in try JSONRead.string(v, "name") }
        type = try json["type"].flatMap { v throws(JSONDecodingError) in try JSONRead.string(v, "type") }
    }
}

import Foundation

extension Offering {
    /// A screenshot of an offering (`screenshots[]`).
    public struct Screenshot: Sendable, Hashable {
        /// `name`
        public var name: String?
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `description`
        public var description: String?
        /// `image`
        public var image: String?
        /// `thumbnail`
        public var thumbnail: String?
        /// `created`
        public var created: Date?

        public init() {}

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a screenshot") {
                switch key {
                case "name": name = try JSONRead.string(value, key)
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "description": description = try JSONRead.string(value, key)
                case "image": image = try JSONRead.string(value, key)
                case "thumbnail": thumbnail = try JSONRead.string(value, key)
                case "created": created = try JSONRead.date(value, key)
                default: break
                }
            }
        }
    }
}

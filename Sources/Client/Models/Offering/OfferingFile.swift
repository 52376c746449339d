import Foundation

extension Offering {
    /// A document attached to an offering (`files[]`).
    public struct File: Sendable, Hashable {
        /// `name`
        public var name: String?
        /// `created`
        public var created: Date?
        /// `file`: the download URL.
        public var file: String?

        public init(name: String? = nil, created: Date? = nil, file: String? = nil) {
            self.name = name
            self.created = created
            self.file = file
        }

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a file") {
                switch key {
                case "name": name = try JSONRead.string(value, key)
                case "created": created = try JSONRead.date(value, key)
                case "file": file = try JSONRead.string(value, key)
                default: break
                }
            }
        }
    }
}

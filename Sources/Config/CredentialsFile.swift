import Foundation
import TOMLKit
import WaldurClient

/// waldur-cli's saved credentials (`credentials.toml`): `[profiles.NAME]` tables with `api_url`, `token`
/// (`access_token` is read too) and an optional `project`.
struct CredentialsFile {
    struct Profile {
        var apiURL: String?
        /// The token text as written; never shown.
        var token: String?
        var project: String?
    }

    var profiles: [String: Profile] = [:]
    let path: String

    /// Profile names, sorted, for messages.
    var profileNames: [String] { profiles.keys.sorted() }

    init(text: String, path: String) throws(WaldurError) {
        self.path = path
        let document = try TOMLDocument(text: text, path: path, redactValues: true)
        guard let profilesValue = document.root["profiles"] else { return }
        guard let table = profilesValue.table else {
            throw document.problem("`profiles` must hold [profiles.NAME] tables, not \(TOMLDocument.kind(profilesValue))", key: "profiles")
        }
        for (name, value) in table {
            guard let entry = value.table else {
                throw document.problem("profiles.\(name) must be a table ([profiles.\(name)]), not \(TOMLDocument.kind(value))",
                                       key: name, section: "profiles")
            }
            var profile = Profile()
            let section = "profiles.\(name)"
            func string(_ key: String) throws(WaldurError) -> String? {
                guard let v = entry[key] else { return nil }
                guard let s = v.string else {
                    throw document.problem("\(section).\(key) must be a string, not \(TOMLDocument.kind(v))", key: key, section: section)
                }
                return s
            }
            profile.apiURL = try string("api_url")
            let plain = try string("token")
            let access = try string("access_token")
            profile.token = plain ?? access
            profile.project = try string("project")
            profiles[name] = profile
        }
    }
}

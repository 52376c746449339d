import Foundation
import WaldurClient

/// Resolves the API URL and token the way waldur-cli does.
///
/// URL: `--api-url`, else `WALDUR_API_URL`, else `api_url` of the app's config file (when given), else the profile's `api_url`.
/// Token: `--token-file PATH`, else `WALDUR_ACCESS_TOKEN`, else the profile's `token` (or `access_token`).
/// Profile: `--profile`, else `WALDUR_PROFILE`, else the app config's `profile` (when given), else `default`, read from
/// `$XDG_CONFIG_HOME/waldur-cli/credentials.toml` (default `~/.config/waldur-cli/credentials.toml`). The credentials
/// file is read only when the flags and environment leave the URL or the token open. A token is never taken from a
/// flag value (it would show in `ps`). Files holding a token must not be open to group or others.
public enum ConfigurationResolver {
    /// The profile used when none is named.
    public static let defaultProfile = "default"

    /// Resolves the configuration; every error is a `WaldurError.configuration` sentence that never contains the token.
    /// - Parameters:
    ///   - apiURL: the `--api-url` flag value.
    ///   - tokenFile: the `--token-file` flag value (a path).
    ///   - profile: the `--profile` flag value.
    ///   - allowInsecureHTTP: the `--insecure-http` flag: plain http to hosts other than loopback.
    ///   - configFileAPIURL: `api_url` from the app's own config file, below the environment.
    ///   - configFileProfile: `profile` from the app's own config file, below `WALDUR_PROFILE`.
    public static func resolve(
        apiURL: String?,
        tokenFile: String?,
        profile: String?,
        allowInsecureHTTP: Bool,
        environment: [String: String],
        homeDirectory: URL,
        configFileAPIURL: String? = nil,
        configFileProfile: String? = nil
    ) throws(WaldurError) -> ResolvedConfiguration {
        var knownSecret: String?
        do {
            return try resolveUnredacted(
                apiURL: apiURL, tokenFile: tokenFile, profile: profile, allowInsecureHTTP: allowInsecureHTTP,
                environment: environment, homeDirectory: homeDirectory, configFileAPIURL: configFileAPIURL,
                configFileProfile: configFileProfile, knownSecret: &knownSecret)
        } catch {
            // A token echoed by any path (e.g. pasted into the URL) is cut out of the message.
            var cleaned = error
            if let secret = knownSecret, secret.count >= 4 { cleaned = cleaned.redacting(secret) }
            if let env = environment["WALDUR_ACCESS_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), env.count >= 4 {
                cleaned = cleaned.redacting(env)
            }
            throw PrintableText.clean(cleaned)
        }
    }

    private static func resolveUnredacted(
        apiURL: String?,
        tokenFile: String?,
        profile: String?,
        allowInsecureHTTP: Bool,
        environment: [String: String],
        homeDirectory: URL,
        configFileAPIURL: String?,
        configFileProfile: String?,
        knownSecret: inout String?
    ) throws(WaldurError) -> ResolvedConfiguration {
        // Which profile, and who named it.
        let profileName: String
        let profileOrigin: String?
        if let p = nonEmpty(profile) {
            (profileName, profileOrigin) = (p, "--profile")
        } else if let p = nonEmpty(environment["WALDUR_PROFILE"]) {
            (profileName, profileOrigin) = (p, "WALDUR_PROFILE")
        } else if let p = nonEmpty(configFileProfile) {
            (profileName, profileOrigin) = (p, "the app's config file")
        } else {
            (profileName, profileOrigin) = (defaultProfile, nil)
        }

        // URL from flag, environment or the app's config file.
        var urlText: String?
        var urlSource = ""
        if let u = nonEmpty(apiURL) {
            (urlText, urlSource) = (u, "--api-url")
        } else if let u = nonEmpty(environment["WALDUR_API_URL"]) {
            (urlText, urlSource) = (u, "WALDUR_API_URL")
        } else if let u = nonEmpty(configFileAPIURL) {
            (urlText, urlSource) = (u, "api_url in the app's config file")
        }

        // Token from a file or the environment.
        var token: APIToken?
        var tokenSource = "none"
        if let path = nonEmpty(tokenFile) {
            let url = ConfigPaths.expand(path, homeDirectory: homeDirectory)
            guard let text = try PrivateFile.readSecret(url, what: "the token file") else {
                throw WaldurError.configuration("the token file \(url.path) (--token-file) does not exist")
            }
            knownSecret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            tokenSource = "--token-file \(url.path)"
            token = try validToken(text, source: "the token file \(url.path)")
        } else if let text = environment["WALDUR_ACCESS_TOKEN"] {
            knownSecret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            tokenSource = "WALDUR_ACCESS_TOKEN"
            token = try validToken(text, source: "WALDUR_ACCESS_TOKEN", emptyHint: "unset it or give it a token")
        }

        // The saved credentials fill what is still open.
        var usedProfile: String?
        let credentialsURL = ConfigPaths.credentialsFile(environment: environment, homeDirectory: homeDirectory)
        if urlText == nil || token == nil {
            let named = profileOrigin.map { "profile '\(profileName)' (from \($0))" } ?? "profile '\(profileName)'"
            if let text = try PrivateFile.readSecret(credentialsURL, what: "the credentials file") {
                let file = try CredentialsFile(text: text, path: credentialsURL.path)
                if let saved = file.profiles[profileName] {
                    usedProfile = profileName
                    let origin = "profile \(profileName) in \(credentialsURL.path)"
                    if urlText == nil {
                        guard let u = nonEmpty(saved.apiURL) else {
                            throw WaldurError.configuration(
                                "\(named) in \(credentialsURL.path) has no api_url. "
                                    + noURLAdvice(profile: profileName, credentials: credentialsURL))
                        }
                        (urlText, urlSource) = (u, origin)
                    }
                    if token == nil, let secret = saved.token {
                        knownSecret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
                        tokenSource = origin
                        token = try validToken(secret, source: "\(named) in \(credentialsURL.path)",
                                               emptyHint: "run `waldur-cli login\(profileFlag(profileName))` again")
                    }
                } else if profileOrigin != nil {
                    throw WaldurError.configuration(
                        "\(named) is not in \(credentialsURL.path); \(profilesFound(file)). "
                            + "Save it with `waldur-cli login --profile \(profileName)` or name another profile.")
                } else if urlText == nil {
                    throw WaldurError.configuration(
                        "no API URL given, and \(credentialsURL.path) has no profile '\(profileName)' (\(profilesFound(file))). "
                            + noURLAdvice(profile: profileName, credentials: credentialsURL))
                }
            } else if profileOrigin != nil {
                throw WaldurError.configuration(
                    "\(named) was asked for, but there is no credentials file \(credentialsURL.path). "
                        + "Save the profile with `waldur-cli login --profile \(profileName)`, or give --api-url and WALDUR_ACCESS_TOKEN instead.")
            }
        }

        guard let urlText else {
            throw WaldurError.configuration("no API URL given. " + noURLAdvice(profile: profileName, credentials: credentialsURL))
        }
        let apiRoot: URL
        do {
            apiRoot = try ClientConfiguration.normalizeAPIRoot(urlText, allowInsecure: allowInsecureHTTP)
        } catch {
            if case let .configuration(text) = error { throw WaldurError.configuration("\(text) (the URL came from \(urlSource))") }
            throw error
        }
        return ResolvedConfiguration(apiRoot: apiRoot, token: token, profile: usedProfile, tokenSource: tokenSource, apiURLSource: urlSource)
    }

    /// The three ways to give a URL.
    static func noURLAdvice(profile: String, credentials: URL) -> String {
        "Give one in any of three ways: the --api-url flag, the WALDUR_API_URL environment variable, "
            + "or api_url in [profiles.\(profile)] of \(credentials.path) (written by `waldur-cli login\(profileFlag(profile))`), "
            + "e.g. https://waldur.example.com"
    }

    static func profileFlag(_ profile: String) -> String {
        profile == defaultProfile ? "" : " --profile \(profile)"
    }

    static func profilesFound(_ file: CredentialsFile) -> String {
        let names = file.profileNames
        return names.isEmpty ? "it holds no profiles" : "profiles found: \(names.joined(separator: ", "))"
    }

    /// A token that can go in an Authorization header; errors name the source, never the text.
    static func validToken(_ text: String, source: String, emptyHint: String = "put the token in it") throws(WaldurError) -> APIToken {
        let token = APIToken(text)
        if token.secret.isEmpty {
            throw WaldurError.configuration("the token from \(source) is empty; \(emptyHint)")
        }
        if token.secret.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E }) {
            throw WaldurError.configuration(
                "the token from \(source) contains spaces, line breaks or other characters that cannot go in an HTTP header; "
                    + "it must be the token alone on one line")
        }
        return token
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

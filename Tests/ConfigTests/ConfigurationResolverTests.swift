import Foundation
import Testing
import WaldurClient
import WaldurConfig

private let profileToken = "c1a551c0ffee00000000000000000000000000aa"
private let envToken = "e4v00000000000000000000000000000000000bb"
private let fileToken = "f11e0000000000000000000000000000000000cc"
private let patToken = "w_1735689599_Abc123xyz"

private let twoProfiles = """
[profiles.default]
api_url = "https://default.example.com"
token = "\(profileToken)"

[profiles.prod]
api_url = "https://prod.example.com/api/"
token = "\(patToken)"
project = "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a"
"""

private func resolve(
    _ home: TempHome,
    apiURL: String? = nil,
    tokenFile: String? = nil,
    profile: String? = nil,
    insecure: Bool = false,
    env: [String: String] = [:],
    configFileAPIURL: String? = nil,
    configFileProfile: String? = nil
) throws(WaldurError) -> ResolvedConfiguration {
    try ConfigurationResolver.resolve(
        apiURL: apiURL, tokenFile: tokenFile, profile: profile, allowInsecureHTTP: insecure,
        environment: env, homeDirectory: home.url, configFileAPIURL: configFileAPIURL, configFileProfile: configFileProfile)
}

/// The configuration error's text when resolution fails; a test failure when it succeeds or fails otherwise.
private func failure(_ body: () throws(WaldurError) -> ResolvedConfiguration) -> String {
    do {
        let resolved = try body()
        Issue.record("expected a configuration error, resolved \(resolved)")
        return ""
    } catch {
        guard case let .configuration(text) = error else {
            Issue.record("expected a configuration error, got \(error)")
            return ""
        }
        return text
    }
}

@Suite("Configuration resolution")
struct ConfigurationResolverTests {
    // MARK: precedence

    @Test("the URL comes from --api-url, else WALDUR_API_URL, else the app config, else the profile")
    func urlPrecedence() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials(twoProfiles)
        let env = ["WALDUR_API_URL": "https://env.example.com"]

        let flag = try resolve(home, apiURL: "https://flag.example.com", env: env, configFileAPIURL: "https://app.example.com")
        #expect(flag.apiRoot.absoluteString == "https://flag.example.com/api/")
        #expect(flag.apiURLSource == "--api-url")

        let fromEnv = try resolve(home, env: env, configFileAPIURL: "https://app.example.com")
        #expect(fromEnv.apiRoot.absoluteString == "https://env.example.com/api/")
        #expect(fromEnv.apiURLSource == "WALDUR_API_URL")

        let fromApp = try resolve(home, configFileAPIURL: "https://app.example.com")
        #expect(fromApp.apiRoot.absoluteString == "https://app.example.com/api/")
        #expect(fromApp.apiURLSource == "api_url in the app's config file")

        let fromProfile = try resolve(home)
        #expect(fromProfile.apiRoot.absoluteString == "https://default.example.com/api/")
        #expect(fromProfile.apiURLSource.hasPrefix("profile default in "))
        #expect(fromProfile.profile == "default")
    }

    @Test("the token comes from --token-file, else WALDUR_ACCESS_TOKEN, else the profile")
    func tokenPrecedence() throws {
        let home = try TempHome()
        defer { home.remove() }
        let credentials = try home.writeCredentials(twoProfiles)
        let tokenFile = try home.write("secrets/token", fileToken + "\n")
        let env = ["WALDUR_ACCESS_TOKEN": envToken]

        let fromFile = try resolve(home, tokenFile: tokenFile.path, env: env)
        #expect(fromFile.token?.secret == fileToken)
        #expect(fromFile.tokenSource == "--token-file \(tokenFile.path)")

        let fromEnv = try resolve(home, env: env)
        #expect(fromEnv.token?.secret == envToken)
        #expect(fromEnv.tokenSource == "WALDUR_ACCESS_TOKEN")
        // The URL still came from the profile, so the profile was read.
        #expect(fromEnv.profile == "default")

        let fromProfile = try resolve(home)
        #expect(fromProfile.token?.secret == profileToken)
        #expect(fromProfile.tokenSource == "profile default in \(credentials.path)")
    }

    @Test("the credentials file is not read when flags and environment give both URL and token")
    func credentialsOnlyWhenNeeded() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("this is [not toml", mode: 0o644)
        let resolved = try resolve(home, apiURL: "https://flag.example.com", env: ["WALDUR_ACCESS_TOKEN": envToken, "WALDUR_PROFILE": "absent"])
        #expect(resolved.token?.secret == envToken)
        #expect(resolved.profile == nil)
        // Once the file is needed, its problems are reported.
        let text = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://flag.example.com") }
        #expect(text.contains("chmod 600"))
    }

    @Test("with a URL and no token anywhere, requests go out without a token")
    func noTokenAnywhere() throws {
        let home = try TempHome()
        defer { home.remove() }
        let resolved = try resolve(home, apiURL: "https://flag.example.com")
        #expect(resolved.token == nil)
        #expect(resolved.tokenSource == "none")
        #expect(resolved.profile == nil)
    }

    // MARK: profiles

    @Test("profiles: default, WALDUR_PROFILE, --profile over WALDUR_PROFILE, app config below both")
    func profileSelection() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials(twoProfiles + "\n[profiles.staging]\napi_url = \"https://staging.example.com\"\ntoken = \"stagingtoken1\"\n")

        let implicit = try resolve(home)
        #expect(implicit.profile == "default")
        #expect(implicit.apiRoot.host == "default.example.com")

        let env = try resolve(home, env: ["WALDUR_PROFILE": "prod"])
        #expect(env.profile == "prod")
        #expect(env.apiRoot.absoluteString == "https://prod.example.com/api/")
        #expect(env.token?.secret == patToken)

        let flag = try resolve(home, profile: "staging", env: ["WALDUR_PROFILE": "prod"])
        #expect(flag.profile == "staging")
        #expect(flag.apiRoot.host == "staging.example.com")
        #expect(flag.token?.secret == "stagingtoken1")

        let app = try resolve(home, configFileProfile: "staging")
        #expect(app.profile == "staging")
        let envOverApp = try resolve(home, env: ["WALDUR_PROFILE": "prod"], configFileProfile: "staging")
        #expect(envOverApp.profile == "prod")
    }

    @Test("a missing named profile is an error that lists the profiles found", arguments: [
        (Optional("nope"), [String: String](), "--profile"),
        (nil, ["WALDUR_PROFILE": "nope"], "WALDUR_PROFILE"),
    ])
    func missingProfile(flag: String?, env: [String: String], origin: String) throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials(twoProfiles)
        let text = failure { () throws(WaldurError) in try resolve(home, profile: flag, env: env) }
        #expect(text.contains("profile 'nope' (from \(origin))"))
        #expect(text.contains("profiles found: default, prod"))
        #expect(text.contains("waldur-cli login --profile nope"))
        // A URL from elsewhere does not make a named profile optional while the token is still open.
        let withURL = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://x.example.com", profile: flag, env: env) }
        #expect(withURL.contains("profiles found: default, prod"))
    }

    @Test("a named profile without a credentials file says so")
    func namedProfileWithoutFile() throws {
        let home = try TempHome()
        defer { home.remove() }
        let text = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://x.example.com", profile: "prod") }
        #expect(text.contains("profile 'prod' (from --profile)"))
        #expect(text.contains("no credentials file"))
        #expect(text.contains(".config/waldur-cli/credentials.toml"))
    }

    @Test("without a default profile a URL from elsewhere is enough; without any URL the error lists the profiles")
    func missingDefaultProfile() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("[profiles.prod]\napi_url = \"https://prod.example.com\"\ntoken = \"\(patToken)\"\n")
        let resolved = try resolve(home, apiURL: "https://flag.example.com")
        #expect(resolved.token == nil)
        #expect(resolved.profile == nil)
        let text = failure { () throws(WaldurError) in try resolve(home) }
        #expect(text.contains("no profile 'default'"))
        #expect(text.contains("profiles found: prod"))
        #expect(text.contains("--api-url"))
        #expect(text.contains("WALDUR_API_URL"))
    }

    @Test("no URL anywhere names the three ways to give one")
    func noURL() throws {
        let home = try TempHome()
        defer { home.remove() }
        let text = failure { () throws(WaldurError) in try resolve(home, env: ["WALDUR_ACCESS_TOKEN": envToken]) }
        #expect(text.hasPrefix("no API URL given"))
        #expect(text.contains("--api-url"))
        #expect(text.contains("WALDUR_API_URL"))
        #expect(text.contains("api_url in [profiles.default]"))
        #expect(text.contains("waldur-cli login"))
    }

    @Test("a profile without api_url and no other URL is an error naming the profile")
    func profileWithoutURL() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("[profiles.default]\ntoken = \"\(profileToken)\"\n")
        let text = failure { () throws(WaldurError) in try resolve(home) }
        #expect(text.contains("profile 'default'"))
        #expect(text.contains("has no api_url"))
        let resolved = try resolve(home, env: ["WALDUR_API_URL": "https://env.example.com"])
        #expect(resolved.token?.secret == profileToken)
    }

    @Test("waldur-cli writes `token`; `access_token` is read too, and `token` wins when both are there")
    func tokenKeyNames() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("""
        [profiles.default]
        api_url = "https://a.example.com"
        access_token = "accesstoken1"

        [profiles.both]
        api_url = "https://b.example.com"
        access_token = "accesstoken2"
        token = "plaintoken2"
        """)
        #expect(try resolve(home).token?.secret == "accesstoken1")
        #expect(try resolve(home, profile: "both").token?.secret == "plaintoken2")
    }

    @Test("XDG_CONFIG_HOME moves the credentials file")
    func xdgConfigHome() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("[profiles.default]\napi_url = \"https://home.example.com\"\n")
        try home.write("xdg/waldur-cli/credentials.toml", "[profiles.default]\napi_url = \"https://xdg.example.com\"\n")
        let xdg = home.url.appendingPathComponent("xdg").path
        #expect(try resolve(home, env: ["XDG_CONFIG_HOME": xdg]).apiRoot.host == "xdg.example.com")
        #expect(try resolve(home).apiRoot.host == "home.example.com")
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
        #expect(try resolve(home, env: ["XDG_CONFIG_HOME": "relative/dir"]).apiRoot.host == "home.example.com")
    }

    // MARK: tokens

    @Test("personal access tokens travel as Bearer, classic tokens as Token", arguments: [
        (patToken, "Bearer \(patToken)", true),
        (profileToken, "Token \(profileToken)", false),
    ])
    func tokenHeaderForm(secret: String, header: String, isPAT: Bool) throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("token", secret)
        for resolved in [
            try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path),
            try resolve(home, apiURL: "https://a.example.com", env: ["WALDUR_ACCESS_TOKEN": "  \(secret)\n"]),
        ] {
            #expect(resolved.token?.authorizationHeader == header)
            #expect(resolved.token?.isPersonalAccessToken == isPAT)
            #expect(resolved.clientConfiguration.token?.authorizationHeader == header)
            #expect(!resolved.description.contains(secret))
            #expect(resolved.description.contains(isPAT ? "personal access token" : "token"))
        }
    }

    @Test("empty tokens are refused with their source named")
    func emptyTokens() throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("token", "  \n\n")
        let fromFile = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path) }
        #expect(fromFile.contains("token file \(file.path)"))
        #expect(fromFile.contains("is empty"))
        let fromEnv = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", env: ["WALDUR_ACCESS_TOKEN": " "]) }
        #expect(fromEnv.contains("WALDUR_ACCESS_TOKEN is empty"))
        try home.writeCredentials("[profiles.default]\napi_url = \"https://a.example.com\"\ntoken = \"\"\n")
        let fromProfile = failure { () throws(WaldurError) in try resolve(home) }
        #expect(fromProfile.contains("profile 'default'"))
        #expect(fromProfile.contains("is empty"))
    }

    @Test("a token file with more than the token on one line is refused without echoing it")
    func tokenWithSpaces() throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("token", "\(fileToken)\nsecond line\n")
        let text = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path) }
        #expect(text.contains("alone on one line"))
        #expect(!text.contains(fileToken))
    }

    @Test("a missing or unreadable token file is an error, never a fallback")
    func missingTokenFile() throws {
        let home = try TempHome()
        defer { home.remove() }
        let path = home.url.appendingPathComponent("nope/token").path
        let missing = failure { () throws(WaldurError) in
            try resolve(home, apiURL: "https://a.example.com", tokenFile: path, env: ["WALDUR_ACCESS_TOKEN": envToken])
        }
        #expect(missing.contains("\(path) (--token-file) does not exist"))
        let directory = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", tokenFile: home.url.path) }
        #expect(directory.contains("is not a regular file"))
    }

    @Test("--token-file expands ~/ against the home directory")
    func tokenFileTilde() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.write(".waldur-token", fileToken)
        let resolved = try resolve(home, apiURL: "https://a.example.com", tokenFile: "~/.waldur-token")
        #expect(resolved.token?.secret == fileToken)
        #expect(resolved.tokenSource == "--token-file \(home.url.appendingPathComponent(".waldur-token").path)")
    }

    // MARK: permissions

    @Test("token and credentials files open to group or others are refused with the chmod fix", arguments: [0o644, 0o640, 0o604, 0o660, 0o601, 0o610, 0o700 | 0o004])
    func permissionRefusal(mode: Int) throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("token", fileToken, mode: mode)
        let text = failure { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path) }
        #expect(text.contains("chmod 600 \(file.path)"))
        #expect(text.contains("open to group or others"))
        #expect(text.contains("(mode 0\(String(mode, radix: 8)))"))

        let credentials = try home.writeCredentials(twoProfiles, mode: mode)
        let fromProfile = failure { () throws(WaldurError) in try resolve(home) }
        #expect(fromProfile.contains("chmod 600 \(credentials.path)"))
        #expect(!fromProfile.contains(profileToken))
    }

    @Test("owner-only files are accepted", arguments: [0o600, 0o400, 0o700])
    func ownerOnly(mode: Int) throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.write("token", fileToken, mode: mode)
        #expect(try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path).token?.secret == fileToken)
        try home.writeCredentials(twoProfiles, mode: mode)
        #expect(try resolve(home).token?.secret == profileToken)
    }

    // MARK: URLs

    @Test("URLs work with or without /api/, a trailing slash and a port", arguments: [
        ("https://waldur.example.com", "https://waldur.example.com/api/"),
        ("https://waldur.example.com/", "https://waldur.example.com/api/"),
        ("https://waldur.example.com/api", "https://waldur.example.com/api/"),
        ("https://waldur.example.com/api/", "https://waldur.example.com/api/"),
        ("https://waldur.example.com/api//", "https://waldur.example.com/api/"),
        ("  https://waldur.example.com:8443  ", "https://waldur.example.com:8443/api/"),
        ("https://waldur.example.com:8443/api/", "https://waldur.example.com:8443/api/"),
        ("https://example.com/waldur", "https://example.com/waldur/api/"),
        ("HTTPS://Waldur.Example.com/api/", "https://Waldur.Example.com/api/"),
        ("http://localhost:8000", "http://localhost:8000/api/"),
        ("http://127.0.0.1:8000/api/", "http://127.0.0.1:8000/api/"),
        ("http://[::1]:8080/", "http://[::1]:8080/api/"),
    ])
    func urlNormalisation(input: String, expected: String) throws {
        let home = try TempHome()
        defer { home.remove() }
        #expect(try resolve(home, apiURL: input).apiRoot.absoluteString == expected)
        #expect(try resolve(home, env: ["WALDUR_API_URL": input]).apiRoot.absoluteString == expected)
    }

    @Test("plain http to a remote host is refused unless allowed, naming where the URL came from")
    func insecureHTTP() throws {
        let home = try TempHome()
        defer { home.remove() }
        let text = failure { () throws(WaldurError) in try resolve(home, env: ["WALDUR_API_URL": "http://waldur.example.com"]) }
        #expect(text.contains("refusing plain http://"))
        #expect(text.contains("--insecure-http"))
        #expect(text.contains("WALDUR_API_URL"))
        let allowed = try resolve(home, insecure: true, env: ["WALDUR_API_URL": "http://waldur.example.com"])
        #expect(allowed.apiRoot.absoluteString == "http://waldur.example.com/api/")

        try home.writeCredentials("[profiles.default]\napi_url = \"http://10.0.0.5:8000\"\ntoken = \"\(profileToken)\"\n")
        let fromProfile = failure { () throws(WaldurError) in try resolve(home) }
        #expect(fromProfile.contains("profile default in"))
        #expect(try resolve(home, insecure: true).apiRoot.absoluteString == "http://10.0.0.5:8000/api/")
    }

    @Test("URLs that are not http(s) are refused", arguments: ["ftp://waldur.example.com", "waldur.example.com", "https://", "not a url"])
    func badURLs(input: String) throws {
        let home = try TempHome()
        defer { home.remove() }
        let text = failure { () throws(WaldurError) in try resolve(home, apiURL: input) }
        #expect(text.contains("--api-url"))
    }

    // MARK: malformed files

    @Test("a malformed credentials file names the file, line and reason")
    func malformedCredentials() throws {
        let home = try TempHome()
        defer { home.remove() }
        let file = try home.writeCredentials("[profiles.default]\napi_url = \"https://a.example.com\"\napi_url = \"https://b.example.com\"\n")
        let text = failure { () throws(WaldurError) in try resolve(home) }
        #expect(text.contains("\(file.path) is not valid TOML: line 3, column"))

        try home.writeCredentials("[profiles.default]\napi_url = 42\n")
        let typed = failure { () throws(WaldurError) in try resolve(home) }
        #expect(typed.contains("\(file.path) line 2: profiles.default.api_url must be a string, not an integer"))

        try home.writeCredentials("profiles = \"prod\"\n")
        let shape = failure { () throws(WaldurError) in try resolve(home) }
        #expect(shape.contains("line 1"))
        #expect(shape.contains("[profiles.NAME]"))
    }

    // MARK: the token never shows

    @Test("no error message contains the token")
    func tokenNeverInMessages() throws {
        let home = try TempHome()
        defer { home.remove() }
        let secret = "w_1735689599_TopSecretValue42"
        var messages: [String] = []
        func collect(_ body: () throws(WaldurError) -> ResolvedConfiguration) {
            do {
                _ = try body()
                Issue.record("expected a failure")
            } catch {
                messages.append(error.message)
                messages.append(error.description)
                messages.append(String(describing: error))
            }
        }
        // A token pasted into the URL.
        collect { () throws(WaldurError) in try resolve(home, apiURL: "ftp://\(secret)@x", env: ["WALDUR_ACCESS_TOKEN": secret]) }
        collect { () throws(WaldurError) in try resolve(home, apiURL: "http://remote.example.com/\(secret)", env: ["WALDUR_ACCESS_TOKEN": secret]) }
        // Unterminated string holding the token, and other broken credentials files.
        try home.writeCredentials("[profiles.default]\napi_url = \"https://a.example.com\"\ntoken = \"\(secret)\n")
        collect { () throws(WaldurError) in try resolve(home) }
        try home.writeCredentials("[profiles.default]\ntoken = \(secret)\n")
        collect { () throws(WaldurError) in try resolve(home) }
        try home.writeCredentials("[profiles.default]\ntoken = \"\(secret)\" junk\n")
        collect { () throws(WaldurError) in try resolve(home) }
        try home.writeCredentials("[profiles.\(secret)\ntoken = \"\(secret)\"\n")
        collect { () throws(WaldurError) in try resolve(home) }
        // Open permissions.
        try home.writeCredentials("[profiles.default]\ntoken = \"\(secret)\"\n", mode: 0o644)
        collect { () throws(WaldurError) in try resolve(home) }
        // A token file with extra text, and a URL-less profile.
        let file = try home.write("token", "\(secret) extra")
        collect { () throws(WaldurError) in try resolve(home, apiURL: "https://a.example.com", tokenFile: file.path) }
        try home.writeCredentials("[profiles.default]\ntoken = \"\(secret)\"\n")
        collect { () throws(WaldurError) in try resolve(home) }

        #expect(messages.count == 27)
        for message in messages {
            #expect(!message.contains(secret), "leaked: \(message)")
            #expect(!message.contains("TopSecretValue42"), "leaked: \(message)")
        }
    }
}

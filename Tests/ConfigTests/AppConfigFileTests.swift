import Foundation
import Testing
import WaldurClient
import WaldurConfig

private func parseFailure(_ text: String, path: String = "/cfg/config.toml") -> String {
    do {
        let config = try AppConfigFile.parse(text, path: path)
        Issue.record("expected an error, parsed \(config.keys)")
        return ""
    } catch {
        guard case let .configuration(message) = error else {
            Issue.record("expected a configuration error, got \(error)")
            return ""
        }
        return message
    }
}

@Suite("App config file")
struct AppConfigFileTests {
    @Test("every setting, the queues in file order and the key bindings are read")
    func fullFile() throws {
        let config = try AppConfigFile.parse("""
        # waldur-orders settings
        theme = "light"
        refresh_seconds = 45
        read_only = true
        mouse = false
        api_url = "https://waldur.example.com"
        profile = "prod"

        [[queues]]
        name = "Erred"
        filter = "state=erred"

        [[queues]]
        name = "Mine to approve"
        filter = "state=pending-provider can_approve_as_provider=true"

        [keys]
        approve = "a"
        reject = "none"
        "open-offering" = "O"
        """, path: "/cfg/config.toml")
        #expect(config.theme == "light")
        #expect(config.refreshSeconds == 45)
        #expect(config.readOnly == true)
        #expect(config.mouse == false)
        #expect(config.apiURL == "https://waldur.example.com")
        #expect(config.profile == "prod")
        #expect(config.queues.map(\.name) == ["Erred", "Mine to approve"])
        #expect(config.queues.map(\.filter) == ["state=erred", "state=pending-provider can_approve_as_provider=true"])
        #expect(config.keys == ["approve": "a", "reject": "none", "open-offering": "O"])
        #expect(config.warnings.isEmpty)
    }

    @Test("an empty file and a missing file are empty configurations")
    func emptyAndMissing() throws {
        let empty = try AppConfigFile.parse("", path: "/cfg/config.toml")
        #expect(empty.theme == nil && empty.refreshSeconds == nil && empty.readOnly == nil && empty.mouse == nil)
        #expect(empty.queues.isEmpty && empty.keys.isEmpty && empty.apiURL == nil && empty.profile == nil)

        let home = try TempHome()
        defer { home.remove() }
        let missing = try AppConfigFile.load(from: home.url.appendingPathComponent("none/config.toml"))
        #expect(missing.theme == nil && missing.queues.isEmpty && missing.keys.isEmpty)
    }

    @Test("load reads the file from disk, whatever its permissions")
    func loadFromDisk() throws {
        let home = try TempHome()
        defer { home.remove() }
        let url = AppConfigFile.defaultURL(environment: [:], homeDirectory: home.url)
        try home.write(".config/waldur-orders/config.toml", "theme = \"dark\"\n[keys]\nquit = \"q\"\n", mode: 0o644)
        let config = try AppConfigFile.load(from: url)
        #expect(config.theme == "dark")
        #expect(config.keys == ["quit": "q"])
    }

    @Test("malformed TOML names the file, line and reason")
    func malformed() throws {
        let text = parseFailure("theme = \"dark\"\nmouse = true\nrefresh_seconds = = 3\n")
        #expect(text.hasPrefix("/cfg/config.toml is not valid TOML: line 3, column"))
        let unterminated = parseFailure("[keys]\napprove = \"a\n")
        #expect(unterminated.contains("line 2"))
    }

    @Test("wrong types name the key and its line", arguments: [
        ("theme = 3\n", "line 1: theme must be a string, not an integer"),
        ("mouse = true\nrefresh_seconds = \"30\"\n", "line 2: refresh_seconds must be an integer number of seconds, not a string"),
        ("refresh_seconds = 0\n", "line 1: refresh_seconds must be at least 1, not 0"),
        ("read_only = \"yes\"\n", "line 1: read_only must be true or false, not a string"),
        ("mouse = 1\n", "line 1: mouse must be true or false, not an integer"),
        ("api_url = [\"a\"]\n", "line 1: api_url must be a string, not an array"),
        ("profile = false\n", "line 1: profile must be a string, not a boolean"),
        ("queues = \"erred\"\n", "line 1: queues must be written as [[queues]] tables"),
        ("[[queues]]\nname = \"A\"\nfilter = \"x\"\n\n[[queues]]\nname = \"B\"\nfilter = 7\n", "line 7: queue 2: filter must be a string, not an integer"),
        ("[[queues]]\nname = \"A\"\nfilter = \"x\"\n[[queues]]\nname = \"\"\nfilter = \"y\"\n", "line 5: queue 2: name must not be empty"),
        ("[[queues]]\nname = \"A\"\n", "queue 1 ([[queues]] number 1) has no filter"),
        ("keys = 3\n", "line 1: keys must be a [keys] table"),
        ("theme = \"x\"\n[keys]\napprove = 1\n", "line 3: keys.approve must be a string (a key, or \"none\"), not an integer"),
        ("keys.approve = true\n", "line 1: keys.approve must be a string"),
    ])
    func wrongTypes(text: String, expected: String) {
        let message = parseFailure(text)
        #expect(message.contains(expected), "got: \(message)")
        #expect(message.hasPrefix("/cfg/config.toml"))
    }

    @Test("unknown keys are warnings with their line, not errors")
    func unknownKeys() throws {
        let config = try AppConfigFile.parse("theme = \"dark\"\nrefresh_second = 3\n[[queues]]\nname = \"A\"\nfilter = \"x\"\ncolour = \"red\"\n", path: "/cfg/c.toml")
        #expect(config.theme == "dark")
        #expect(config.refreshSeconds == nil)
        #expect(config.queues.count == 1)
        #expect(config.warnings == [
            "/cfg/c.toml line 6: unknown key colour in queue 1 (known: name, filter, columns)",
            "/cfg/c.toml line 2: unknown key refresh_second",
        ])
    }

    @Test("the config's api_url and profile sit below flags and environment in resolution")
    func feedsResolver() throws {
        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("[profiles.prod]\napi_url = \"https://prod.example.com\"\ntoken = \"w_1_prod\"\n")
        let config = try AppConfigFile.parse("profile = \"prod\"\n", path: "/cfg/c.toml")
        let resolved = try ConfigurationResolver.resolve(
            apiURL: nil, tokenFile: nil, profile: nil, allowInsecureHTTP: false, environment: [:], homeDirectory: home.url,
            configFileAPIURL: config.apiURL, configFileProfile: config.profile)
        #expect(resolved.profile == "prod")
        #expect(resolved.token?.authorizationHeader == "Bearer w_1_prod")
    }
}

@Suite("Paths")
struct PathsTests {
    let home = URL(fileURLWithPath: "/home/tester", isDirectory: true)

    @Test("config files default to ~/.config and follow an absolute XDG_CONFIG_HOME")
    func configPaths() {
        #expect(AppConfigFile.defaultURL(environment: [:], homeDirectory: home).path == "/home/tester/.config/waldur-orders/config.toml")
        #expect(AppConfigFile.defaultURL(environment: ["XDG_CONFIG_HOME": "/xdg"], homeDirectory: home).path == "/xdg/waldur-orders/config.toml")
        #expect(AppConfigFile.defaultURL(environment: ["XDG_CONFIG_HOME": "rel"], homeDirectory: home).path == "/home/tester/.config/waldur-orders/config.toml")
        #expect(AppConfigFile.defaultURL(environment: ["XDG_CONFIG_HOME": ""], homeDirectory: home).path == "/home/tester/.config/waldur-orders/config.toml")
        #expect(ConfigPaths.credentialsFile(environment: ["XDG_CONFIG_HOME": "/xdg"], homeDirectory: home).path == "/xdg/waldur-cli/credentials.toml")
    }

    @Test("state lives in ~/.local/state/waldur-orders or under an absolute XDG_STATE_HOME")
    func statePaths() {
        #expect(StatePaths.stateDirectory(environment: [:], homeDirectory: home).path == "/home/tester/.local/state/waldur-orders")
        #expect(StatePaths.stateDirectory(environment: ["XDG_STATE_HOME": "/var/xdg-state"], homeDirectory: home).path == "/var/xdg-state/waldur-orders")
        #expect(StatePaths.stateDirectory(environment: ["XDG_STATE_HOME": "state"], homeDirectory: home).path == "/home/tester/.local/state/waldur-orders")
    }
}

@Suite("Hostile text in configuration")
struct HostileConfigTextTests {
    @Test("escape sequences in keys, names and paths never reach a message")
    func escapesCleaned() throws {
        let config = try AppConfigFile.parse("\"\\u001b[2J\" = 1\n", path: "/cfg/c.toml")
        #expect(config.warnings.count == 1)
        #expect(!config.warnings[0].contains("\u{1B}"))
        #expect(config.warnings[0].contains("?[2J"))

        let message = parseFailure("[keys]\n\"\\u001b]0;pwned\\u0007\" = 3\n", path: "/cfg/\u{1B}[31mc.toml")
        #expect(message.contains("must be a string"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 })

        let home = try TempHome()
        defer { home.remove() }
        try home.writeCredentials("[profiles.default]\napi_url = \"https://a.example.com\"\n")
        do {
            _ = try ConfigurationResolver.resolve(
                apiURL: nil, tokenFile: nil, profile: "evil\u{1B}[2J\u{9B}x", allowInsecureHTTP: false, environment: [:], homeDirectory: home.url)
            Issue.record("expected a missing-profile error")
        } catch {
            #expect(error.message.contains("profile 'evil?[2J?x'"))
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
        }
    }
}

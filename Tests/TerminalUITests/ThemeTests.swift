import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    /// The repository's themes/ folder.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tui-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test(arguments: BuiltinThemes.names)
    func embeddedCopyEqualsTheFile(_ name: String) throws {
        let file = try String(contentsOfFile: Self.themesDirectory + "/\(name).toml", encoding: .utf8)
        #expect(BuiltinThemes.texts[name] == file, "Sources/TerminalUI/Theme/BuiltinThemes.swift is out of date for \(name)")
    }

    @Test func readmeListsEveryRole() throws {
        let readme = try String(contentsOfFile: Self.themesDirectory + "/README.md", encoding: .utf8)
        for role in ThemeRole.allCases { #expect(readme.contains("`\(role.rawValue)`"), "themes/README.md misses \(role.rawValue)") }
    }

    @Test func everyShippedFileIsEmbedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.names))
    }

    @Test(arguments: BuiltinThemes.names)
    func shippedThemeDefinesEveryRoleWithoutWarnings(_ name: String) throws {
        let loader = ThemeLoader(userDirectory: nil, shippedDirectories: [Self.themesDirectory])
        let theme = try loader.load(name).get()
        #expect(theme.source.hasSuffix("themes/\(name).toml"))
        #expect(theme.name == name)
        #expect(theme.warnings.isEmpty)
        for role in ThemeRole.allCases {
            #expect(theme.style(role) != nil, "\(name) has no \(role.rawValue)")
        }
    }

    @Test(arguments: BuiltinThemes.names)
    func everyRoleResolvesAtEveryDepth(_ name: String) throws {
        let theme = Theme.builtin(name)
        for role in ThemeRole.allCases {
            let full = theme.resolve(role, depth: .full)
            let eight = theme.resolve(role, depth: .basic(8))
            let none = theme.resolve(role, depth: .none)
            #expect((-1...255).contains(full.foreground) && (-1...255).contains(full.background))
            #expect((-1...7).contains(eight.foreground) && (-1...7).contains(eight.background), "\(name) \(role.rawValue) at 8 colours")
            #expect(none.foreground == -1 && none.background == -1)
        }
    }

    @Test func defaultThemeColoursStatesApart() {
        let theme = Theme.builtin("default")
        let erred = theme.resolve(.stateErred, depth: .full)
        let done = theme.resolve(.stateDone, depth: .full)
        #expect(erred.foreground != done.foreground)
        #expect(erred.attributes.contains(.bold))
        // The terminal's own background stays under normal text.
        #expect(theme.resolve(.normal, depth: .full).background == -1)
        // Overlays keep the row's own foreground where they set none.
        let markedErred = theme.resolve(.stateErred, overlay: .marked, depth: .full)
        #expect(markedErred.foreground == erred.foreground)
        #expect(markedErred.background == theme.resolve(.marked, depth: .full).background)
    }

    @Test func eightColourFallbackUsesExplicitOrNearestColours() {
        let theme = Theme.builtin("default")
        // header: bg 24 with bg8 = "blue".
        #expect(theme.resolve(.header, depth: .basic(8)).background == 4)
        #expect(ThemeColor.indexed(196).reduced(toColors: 8) == .indexed(1))   // bright red → red
        #expect(ThemeColor.indexed(46).reduced(toColors: 8) == .indexed(2))    // green
        #expect(ThemeColor.indexed(12).reduced(toColors: 8) == .indexed(4))    // bright blue → blue
        #expect(ThemeColor.indexed(12).reduced(toColors: 16) == .indexed(12))
        #expect(ThemeColor.indexed(244).reduced(toColors: 8) == .terminalDefault) // mid grey
        #expect(ThemeColor.indexed(196).reduced(toColors: 256) == .indexed(196))
    }

    @Test func coloursParseByNameNumberHexAndDefault() {
        #expect(ThemeColor(text: "red") == .indexed(1))
        #expect(ThemeColor(text: "bright-white") == .indexed(15))
        #expect(ThemeColor(text: "default") == .terminalDefault)
        #expect(ThemeColor(text: "208") == .indexed(208))
        #expect(ThemeColor(text: "#ff0000") == .indexed(196))
        #expect(ThemeColor(text: "256") == nil)
        #expect(ThemeColor(text: "redd") == nil)
    }

    @Test func syntaxErrorNamesFileLineAndReason() throws {
        let dir = try Self.temporaryDirectory()
        let path = dir + "/broken.toml"
        try "name = \"broken\"\n[roles]\nnormal = { fg = \"red\" }\nheader = { fg = \n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = ThemeLoader(userDirectory: nil, shippedDirectories: []).load(path)
        guard case let .failure(error) = result else {
            Issue.record("a broken theme loaded")
            return
        }
        #expect(error.file == path)
        #expect(error.line == 4)
        #expect(!error.reason.isEmpty)
        #expect(error.description.hasPrefix(path + ":4"))
    }

    @Test func badColourNamesTheRoleLine() throws {
        let text = "name = \"x\"\n[roles]\nnormal = { fg = \"default\" }\n\nstate-erred = { fg = \"redd\" }\n"
        #expect(throws: ThemeError.self) { try Theme.parse(text, source: "x.toml") }
        do {
            _ = try Theme.parse(text, source: "x.toml")
        } catch {
            #expect(error.line == 5)
            #expect(error.reason.contains("redd"))
            #expect(error.reason.contains("state-erred"))
        }
        // The same in table form points at the key's own line.
        let tableForm = "[roles.header]\nfg = \"white\"\nattrs = [\"blink\"]\n"
        do {
            _ = try Theme.parse(tableForm, source: "t.toml")
            Issue.record("an unknown attribute was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.reason.contains("blink"))
        }
    }

    @Test func unknownRolesWarnButLoad() throws {
        let theme = try Theme.parse("[roles]\nnormal = { fg = 1 }\nheadr = { fg = 2 }\n", source: "w.toml")
        #expect(theme.style(.normal)?.foreground == .indexed(1))
        #expect(theme.warnings.count == 1)
        #expect(theme.warnings.first?.line == 3)
    }

    @Test func failedThemeFallsBackToDefaultWithAMessage() throws {
        let dir = try Self.temporaryDirectory()
        try "[roles\n".write(toFile: dir + "/oops.toml", atomically: true, encoding: .utf8)
        let loader = ThemeLoader(userDirectory: dir, shippedDirectories: [Self.themesDirectory])
        let choice = ThemeChoice.choose(requested: "oops", loader: loader, environment: [:], colors: 256)
        #expect(choice.theme.name == "default")
        #expect(choice.depth == .full)
        #expect(choice.messages.count == 1)
        #expect(choice.messages[0].contains(dir + "/oops.toml:1"))
        #expect(choice.messages[0].contains("using the default theme"))
    }

    @Test func userThemesComeBeforeShippedOnes() throws {
        let dir = try Self.temporaryDirectory()
        try "name = \"mine\"\n[roles]\nnormal = { fg = 3 }\n".write(toFile: dir + "/light.toml", atomically: true, encoding: .utf8)
        let loader = ThemeLoader(userDirectory: dir, shippedDirectories: [Self.themesDirectory])
        #expect(try loader.load("light").get().name == "mine")
        #expect(try loader.load("mono").get().source.hasSuffix("themes/mono.toml"))
        #expect(loader.availableNames().contains("light"))
    }

    @Test func embeddedThemesWorkWithoutAnyFolder() throws {
        let loader = ThemeLoader(userDirectory: nil, shippedDirectories: ["/nonexistent"])
        let theme = try loader.load("high-contrast").get()
        #expect(theme.source == "built-in high-contrast")
        guard case let .failure(error) = loader.load("nosuch") else {
            Issue.record("an unknown theme loaded")
            return
        }
        #expect(error.reason.contains("no theme of that name"))
        guard case let .failure(missing) = loader.load("/nonexistent/x.toml") else {
            Issue.record("a missing file loaded")
            return
        }
        #expect(missing.file == "/nonexistent/x.toml")
        #expect(missing.reason == "no such file")
    }

    @Test func noColorAndColourlessTerminalsGetMono() {
        let loader = ThemeLoader(userDirectory: nil, shippedDirectories: [])
        let noColor = ThemeChoice.choose(requested: "light", loader: loader, environment: ["NO_COLOR": "1"], colors: 256)
        #expect(noColor.theme.name == "mono")
        #expect(noColor.depth == .none)
        #expect(noColor.messages.contains { $0.contains("NO_COLOR") })
        let none = ThemeChoice.choose(requested: nil, loader: loader, environment: [:], colors: 0)
        #expect(none.theme.name == "mono")
        // An empty NO_COLOR does not count.
        let empty = ThemeChoice.choose(requested: nil, loader: loader, environment: ["NO_COLOR": ""], colors: 8)
        #expect(empty.theme.name == "default")
        #expect(empty.depth == .basic(8))
    }

    @Test func standardLoaderLooksInTheUserConfigFolder() {
        let loader = ThemeLoader.standard(environment: ["HOME": "/home/u"], executablePath: "/opt/w/bin/waldur-orders")
        #expect(loader.userDirectory == "/home/u/.config/waldur-orders/themes")
        #expect(loader.shippedDirectories.contains("/opt/w/share/waldur-orders/themes"))
        let xdg = ThemeLoader.standard(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/x"], executablePath: nil)
        #expect(xdg.userDirectory == "/x/waldur-orders/themes")
    }
}

@Suite struct ThemePrecedenceTests {
    @Test func anExplicitThemeFlagWinsOverNoColor() {
        let loader = ThemeLoader(userDirectory: nil, shippedDirectories: [])
        let flag = ThemeChoice.choose(requested: "light", explicit: true, loader: loader, environment: ["NO_COLOR": "1"], colors: 256)
        #expect(flag.theme.name == "light")
        #expect(!flag.messages.contains { $0.contains("NO_COLOR") })
        // The config file's theme (not a flag) still gives way to NO_COLOR.
        let file = ThemeChoice.choose(requested: "light", explicit: false, loader: loader, environment: ["NO_COLOR": "1"], colors: 256)
        #expect(file.theme.name == "mono")
        // A terminal without colours still gets mono, flag or not.
        let colourless = ThemeChoice.choose(requested: "light", explicit: true, loader: loader, environment: [:], colors: 2)
        #expect(colourless.theme.name == "mono")
    }
}

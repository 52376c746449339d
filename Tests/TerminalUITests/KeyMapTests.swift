import Testing
@testable import TerminalUI

@Suite struct KeyMapTests {
    @Test func defaultsFollowTheIssue() {
        let map = KeyMap.defaults
        #expect(map.command(for: .character("j")) == .moveDown)
        #expect(map.command(for: .down) == .moveDown)
        #expect(map.command(for: .character("k")) == .moveUp)
        #expect(map.command(for: .pageDown) == .pageDown)
        #expect(map.command(for: .character("g")) == .top)
        #expect(map.command(for: .end) == .bottom)
        #expect(map.command(for: .tab) == .focusDetail)
        #expect(map.command(for: .enter) == .openDetail)
        #expect(map.command(for: .character("/")) == .filter)
        #expect(map.command(for: .character("3")) == .queue3)
        #expect(map.command(for: .character(" ")) == .mark)
        #expect(map.command(for: .character("*")) == .markAll)
        #expect(map.command(for: .character("a")) == .approve)
        #expect(map.command(for: .character("U")) == .unlink)
        #expect(map.command(for: .character("D")) == .delete)
        #expect(map.command(for: .character("y")) == .copyUUID)
        #expect(map.command(for: .character("?")) == .help)
        #expect(map.command(for: .character("q")) == .quit)
        // Every command has a key by default.
        for command in KeyCommand.allCases { #expect(!map.keys(for: command).isEmpty, "\(command.rawValue) unbound") }
    }

    @Test func overridesRemapAndUnbind() {
        let (map, problems) = KeyMap.withOverrides(["approve": "A", "delete": "none", "down": "n, ctrl-n"])
        #expect(problems.isEmpty)
        #expect(map.command(for: .character("A")) == .approve)
        #expect(map.command(for: .character("a")) == nil)
        #expect(map.keys(for: .delete).isEmpty)
        #expect(map.command(for: .character("D")) == nil)
        #expect(map.command(for: .character("n")) == .moveDown)
        #expect(map.command(for: .control("n")) == .moveDown)
        #expect(map.command(for: .character("j")) == nil)
        #expect(map.command(for: .down) == nil)
    }

    @Test func aKeyTakenFromAnotherActionLeavesIt() {
        let (map, problems) = KeyMap.withOverrides(["quit": "x"])
        #expect(map.command(for: .character("x")) == .quit)
        #expect(map.keys(for: .setExecuting).isEmpty)
        #expect(problems == ["[keys] x moved from set-executing to quit"])
    }

    @Test func unknownActionsAndKeysAreReported() {
        let (map, problems) = KeyMap.withOverrides(["aprove": "a", "reject": "ctrl-1"])
        #expect(problems.contains("[keys] unknown action 'aprove'"))
        #expect(problems.contains("[keys] reject: unknown key 'ctrl-1'"))
        #expect(map.command(for: .character("a")) == .approve)
    }

    @Test func keySpecsParse() {
        #expect(Key(spec: "pgdn") == .pageDown)
        #expect(Key(spec: "PageUp") == .pageUp)
        #expect(Key(spec: "ctrl-d") == .control("d"))
        #expect(Key(spec: "^K") == .control("k"))
        #expect(Key(spec: "space") == .character(" "))
        #expect(Key(spec: "shift-tab") == .backTab)
        #expect(Key(spec: "f5") == .function(5))
        #expect(Key(spec: "esc") == .escape)
        #expect(Key(spec: "Q") == .character("Q"))
        #expect(Key(spec: "nonsense") == nil)
        #expect(Key(spec: "\u{1B}") == nil)
        for command in KeyCommand.allCases {
            for key in KeyMap.defaults.keys(for: command) { #expect(Key(spec: key.description) == key) }
        }
    }
}

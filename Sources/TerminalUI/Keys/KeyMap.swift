import Foundation

/// Which key runs which command; built from the defaults and the config file's `[keys]` table.
public struct KeyMap: Sendable, Equatable {
    private var byKey: [Key: KeyCommand]

    public init(bindings: [Key: KeyCommand]) {
        byKey = bindings
    }

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> KeyCommand? { byKey[key] }

    /// The keys bound to `command`, in a stable order.
    public func keys(for command: KeyCommand) -> [Key] {
        byKey.filter { $0.value == command }.map(\.key).sorted {
            (KeyMap.order($0), $0.description) < (KeyMap.order($1), $1.description)
        }
    }

    /// The first key of `command` as text (for hints), or nil when unbound.
    public func label(for command: KeyCommand) -> String? { keys(for: command).first?.description }

    /// Every command with its keys, in the order of `KeyCommand.allCases` (unbound ones have none).
    public var entries: [(command: KeyCommand, keys: [Key])] {
        KeyCommand.allCases.map { ($0, keys(for: $0)) }
    }

    /// The built-in bindings (issue 5).
    public static let defaults: KeyMap = {
        var b: [Key: KeyCommand] = [:]
        func bind(_ command: KeyCommand, _ keys: Key...) { for k in keys { b[k] = command } }
        bind(.moveDown, .character("j"), .down)
        bind(.moveUp, .character("k"), .up)
        bind(.pageDown, .pageDown, .control("f"))
        bind(.pageUp, .pageUp, .control("b"))
        bind(.top, .character("g"), .home)
        bind(.bottom, .character("G"), .end)
        bind(.focusDetail, .tab)
        bind(.openDetail, .enter)
        bind(.filter, .character("/"))
        let queues: [KeyCommand] = [.queue1, .queue2, .queue3, .queue4, .queue5, .queue6, .queue7, .queue8, .queue9]
        for (i, q) in queues.enumerated() { bind(q, .character(Character(String(i + 1)))) }
        bind(.sortColumn, .character("s"))
        bind(.sortDirection, .character("S"))
        bind(.mark, .character(" "))
        bind(.markAll, .character("*"))
        bind(.clearMarks, .character("u"))
        bind(.approve, .character("a"))
        bind(.reject, .character("r"))
        bind(.cancel, .character("c"))
        bind(.setExecuting, .character("x"))
        bind(.setDone, .character("d"))
        bind(.setErred, .character("e"))
        bind(.setBackendID, .character("b"))
        bind(.unlink, .character("U"))
        bind(.delete, .character("D"))
        bind(.offering, .character("o"))
        bind(.copyUUID, .character("y"))
        bind(.pauseRefresh, .character("p"))
        bind(.refresh, .character("R"))
        bind(.quit, .character("q"))
        bind(.help, .character("?"))
        bind(.toggleMouse, .character("M"))
        bind(.messages, .character("m"))
        bind(.halfPageDown, .control("d"))
        bind(.halfPageUp, .control("u"))
        bind(.pager, .character("|"), .character("v"))
        bind(.copyDetail, .character("Y"))
        return KeyMap(bindings: b)
    }()

    /// The defaults changed by a `[keys]` table: action name → a key, several keys separated by
    /// commas, or "none" to unbind. A key given to a new action leaves its old one. Unknown
    /// actions and keys are reported and skipped.
    public static func withOverrides(_ overrides: [String: String], base: KeyMap = .defaults) -> (map: KeyMap, problems: [String]) {
        var map = base
        var problems: [String] = []
        for name in overrides.keys.sorted() {
            guard let value = overrides[name] else { continue }
            guard let command = KeyCommand(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                problems.append("[keys] unknown action '\(name)'")
                continue
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            map.byKey = map.byKey.filter { $0.value != command }
            if trimmed.lowercased() == "none" || trimmed.isEmpty { continue }
            let parts: [String] = trimmed == "," ? [","] : trimmed.split(separator: ",").map { String($0) }
            for part in parts {
                guard let key = Key(spec: part.trimmingCharacters(in: .whitespaces).isEmpty ? part : part.trimmingCharacters(in: .whitespaces)) else {
                    problems.append("[keys] \(name): unknown key '\(part)'")
                    continue
                }
                if let previous = map.byKey[key], previous != command, overrides[previous.rawValue] == nil {
                    problems.append("[keys] \(key) moved from \(previous.rawValue) to \(command.rawValue)")
                }
                map.byKey[key] = command
            }
        }
        return (map, problems)
    }

    private static func order(_ key: Key) -> Int {
        switch key {
        case .character: return 0
        case .control: return 1
        case .function: return 3
        default: return 2
        }
    }
}

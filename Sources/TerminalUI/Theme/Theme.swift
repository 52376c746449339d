import TOMLKit

/// A colour theme: a style for each role, read from a TOML file.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var summary: String
    /// Where it came from: a file path or "built-in NAME".
    public var source: String
    public var styles: [ThemeRole: RoleStyle]
    /// Problems that did not stop it loading (unknown roles or keys).
    public var warnings: [ThemeError]

    public init(name: String, summary: String = "", source: String, styles: [ThemeRole: RoleStyle], warnings: [ThemeError] = []) {
        self.name = name
        self.summary = summary
        self.source = source
        self.styles = styles
        self.warnings = warnings
    }

    /// The style of `role` as written in the theme (nil when the theme leaves it out).
    public func style(_ role: ThemeRole) -> RoleStyle? { styles[role] }

    /// How a cell of `role` with `overlay` laid over it looks at `depth`. Roles the theme leaves out
    /// use the mono theme's attributes; with no colours at all only mono's attributes are used.
    public func resolve(_ role: ThemeRole, overlay: ThemeRole? = nil, depth: ColorDepth) -> ResolvedStyle {
        var out = ResolvedStyle()
        let layers: [ThemeRole] = role == .normal ? [.normal] : [.normal, role]
        for layer in layers + (overlay.map { [$0] } ?? []) {
            if case .none = depth {
                out.attributes.formUnion(Theme.mono.styles[layer]?.attributes ?? [])
                continue
            }
            guard let style = styles[layer] ?? Theme.mono.styles[layer] else { continue }
            let fg: ThemeColor?
            let bg: ThemeColor?
            let attrs: TextAttributes
            switch depth {
            case .full:
                fg = style.foreground
                bg = style.background
                attrs = style.attributes
            case let .basic(n):
                fg = style.foreground8 ?? style.foreground?.reduced(toColors: n)
                bg = style.background8 ?? style.background?.reduced(toColors: n)
                attrs = style.attributes8 ?? style.attributes
            case .none:
                fg = nil
                bg = nil
                attrs = []
            }
            if let fg { out.foreground = fg.cursesNumber }
            if let bg { out.background = bg.cursesNumber }
            out.attributes.formUnion(attrs)
        }
        return out
    }

    /// Parses theme text; `source` names the file in errors.
    public static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: source, line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw ThemeError(file: source, reason: "not a TOML document")
        }
        let locator = ThemeLineLocator(text: text)
        var warnings: [ThemeError] = []
        var name = ""
        var summary = ""
        for key in table.keys {
            switch key {
            case "name":
                guard let s = table[key]?.string else {
                    throw ThemeError(file: source, line: locator.line(ofKey: key, in: nil), reason: "'name' must be a string")
                }
                name = s
            case "description":
                guard let s = table[key]?.string else {
                    throw ThemeError(file: source, line: locator.line(ofKey: key, in: nil), reason: "'description' must be a string")
                }
                summary = s
            case "roles":
                break
            default:
                warnings.append(ThemeError(file: source, line: locator.line(ofKey: key, in: nil), reason: "unknown key '\(key)' ignored"))
            }
        }
        guard let rolesValue = table["roles"] else {
            throw ThemeError(file: source, reason: "no [roles] table")
        }
        guard let roles = rolesValue.table else {
            throw ThemeError(file: source, line: locator.line(ofKey: "roles", in: nil), reason: "'roles' must be a table")
        }
        var styles: [ThemeRole: RoleStyle] = [:]
        for key in roles.keys {
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                warnings.append(ThemeError(file: source, line: locator.line(ofRole: key), reason: "unknown role '\(key)' ignored (roles: \(known))"))
                continue
            }
            guard let entry = roles[key]?.table else {
                throw ThemeError(file: source, line: locator.line(ofRole: key), reason: "role '\(key)' must be a table such as { fg = \"red\" }")
            }
            styles[role] = try parseStyle(entry, role: key, source: source, locator: locator, warnings: &warnings)
        }
        return Theme(name: name.isEmpty ? source : name, summary: summary, source: source, styles: styles, warnings: warnings)
    }

    private static func parseStyle(
        _ entry: TOMLTable, role: String, source: String, locator: ThemeLineLocator, warnings: inout [ThemeError]
    ) throws(ThemeError) -> RoleStyle {
        var style = RoleStyle()
        func fail(_ key: String, _ reason: String) -> ThemeError {
            ThemeError(file: source, line: locator.line(ofRole: role, key: key), reason: "role '\(role)': \(reason)")
        }
        func color(_ key: String) throws(ThemeError) -> ThemeColor? {
            guard let value = entry[key] else { return nil }
            if let n = value.int {
                guard let c = ThemeColor(text: String(n)) else { throw fail(key, "\(key) = \(n) is not a colour number 0-255") }
                return c
            }
            guard let s = value.string else { throw fail(key, "\(key) must be a colour name, a number 0-255, \"#rrggbb\" or \"default\"") }
            guard let c = ThemeColor(text: s) else {
                throw fail(key, "unknown colour \"\(s)\" for \(key) (use a name such as red or bright-blue, 0-255, #rrggbb or default)")
            }
            return c
        }
        func attributes(_ key: String) throws(ThemeError) -> TextAttributes? {
            guard let value = entry[key] else { return nil }
            var names: [String] = []
            if let s = value.string {
                names = [s]
            } else if let array = value.array {
                for item in array {
                    guard let s = item.string else { throw fail(key, "\(key) must list attribute names") }
                    names.append(s)
                }
            } else {
                throw fail(key, "\(key) must be a list such as [\"bold\", \"underline\"]")
            }
            var out: TextAttributes = []
            for n in names {
                guard let a = TextAttributes(name: n) else {
                    throw fail(key, "unknown attribute \"\(n)\" (bold, dim, underline, reverse, italic, standout)")
                }
                out.insert(a)
            }
            return out
        }
        let known: Set<String> = ["fg", "bg", "attrs", "fg8", "bg8", "attrs8"]
        for key in entry.keys where !known.contains(key) {
            warnings.append(ThemeError(file: source, line: locator.line(ofRole: role, key: key), reason: "role '\(role)': unknown key '\(key)' ignored"))
        }
        style.foreground = try color("fg")
        style.background = try color("bg")
        style.attributes = try attributes("attrs") ?? []
        style.foreground8 = try color("fg8")
        style.background8 = try color("bg8")
        style.attributes8 = try attributes("attrs8")
        return style
    }

    /// The built-in mono theme (attributes only), also the fallback for roles a theme leaves out.
    public static let mono: Theme = builtin("mono")
    /// The built-in default theme.
    public static let fallbackDefault: Theme = builtin("default")

    /// A shipped theme from the copy embedded in the binary.
    public static func builtin(_ name: String) -> Theme {
        guard let text = BuiltinThemes.texts[name], let theme = try? parse(text, source: "built-in \(name)") else {
            return Theme(name: name, source: "built-in \(name)", styles: [:])
        }
        return theme
    }
}

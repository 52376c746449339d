import Foundation

/// Finds and loads themes: by path, or by name from the user's theme folder, the shipped
/// themes/ folder next to the binary, and finally the copies embedded in the binary.
public struct ThemeLoader: Sendable {
    /// `~/.config/waldur-orders/themes` (or under `$XDG_CONFIG_HOME`), when a home is known.
    public var userDirectory: String?
    /// Folders holding the shipped theme files, searched in order.
    public var shippedDirectories: [String]
    /// name → text of themes built into the binary.
    public var embedded: [String: String]

    public init(userDirectory: String?, shippedDirectories: [String], embedded: [String: String] = BuiltinThemes.texts) {
        self.userDirectory = userDirectory
        self.shippedDirectories = shippedDirectories
        self.embedded = embedded
    }

    /// The usual places: the user's config folder, and a `themes` folder found by walking up from
    /// the executable (the repository when run from `.build`) or in `../share/waldur-orders/themes`.
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = ThemeLoader.currentExecutablePath()
    ) -> ThemeLoader {
        var user: String? = nil
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            user = xdg + "/waldur-orders/themes"
        } else if let home = environment["HOME"], !home.isEmpty {
            user = home + "/.config/waldur-orders/themes"
        }
        var shipped: [String] = []
        if let exe = executablePath {
            var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            shipped.append(dir.appendingPathComponent("../share/waldur-orders/themes").standardized.path)
            for _ in 0..<5 {
                shipped.append(dir.appendingPathComponent("themes").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        return ThemeLoader(userDirectory: user, shippedDirectories: shipped)
    }

    /// The running binary's path, symlinks resolved.
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first
    }

    /// Whether `spec` names a file rather than a theme.
    public static func isPath(_ spec: String) -> Bool {
        spec.contains("/") || spec.hasSuffix(".toml") || spec.hasPrefix("~")
    }

    /// Loads `spec`, a theme name or a path to a TOML file.
    public func load(_ spec: String) -> Result<Theme, ThemeError> {
        if ThemeLoader.isPath(spec) {
            var path = spec
            if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                path = home + path.dropFirst()
            }
            return loadFile(path)
        }
        guard ThemeLoader.isValidName(spec) else {
            return .failure(ThemeError(file: spec, reason: "not a theme name (letters, digits, '-', '_' and '.' only) nor a path"))
        }
        var looked: [String] = []
        var candidates: [String] = []
        if let userDirectory { candidates.append(userDirectory + "/" + spec + ".toml") }
        for dir in shippedDirectories { candidates.append(dir + "/" + spec + ".toml") }
        for path in candidates {
            looked.append(path)
            if FileManager.default.fileExists(atPath: path) { return loadFile(path) }
        }
        if let text = embedded[spec] {
            do throws(ThemeError) {
                return .success(try Theme.parse(text, source: "built-in \(spec)"))
            } catch {
                return .failure(error)
            }
        }
        let names = availableNames().joined(separator: ", ")
        return .failure(ThemeError(file: spec, reason: "no theme of that name (available: \(names)); looked in \(userDirectory ?? "no user folder") and the built-in themes"))
    }

    /// Reads and parses one theme file.
    public func loadFile(_ path: String) -> Result<Theme, ThemeError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            return .failure(ThemeError(file: path, reason: reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(file: path, reason: "not UTF-8 text"))
        }
        do throws(ThemeError) {
            return .success(try Theme.parse(text, source: path))
        } catch {
            return .failure(error)
        }
    }

    /// Names of every theme that can be loaded by name.
    public func availableNames() -> [String] {
        var names = Set(embedded.keys)
        for dir in [userDirectory].compactMap({ $0 }) + shippedDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files where f.hasSuffix(".toml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            ($0.value < 128) && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
        }
    }
}

import WaldurClient

/// Extra orders whose text and shape try to break clients: terminal escapes, controls, bidi, odd JSON, unknown enums.
struct HostileSeeder {
    let catalog: Catalog
    var rng: SeededRandom

    init(catalog: Catalog, seed: UInt64) {
        self.catalog = catalog
        self.rng = SeededRandom(seed: seed ^ 0xBAD0_BAD0_BAD0_BAD0)
    }

    static let strings: [String] = [
        "\u{1B}[2J\u{1B}[H\u{1B}[31mCLEARED\u{1B}[0m",                        // CSI: clear screen, colour
        "title\u{1B}]0;pwned\u{07}\u{1B}]8;;http://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\", // OSC: window title, hyperlink
        "c1\u{85}next\u{9B}31mred\u{9D}osc",                                    // C1 controls (NEL, CSI, OSC)
        "nul\u{0}byte\u{0}here",                                                // NUL
        "bidi \u{202E}gnp.exe\u{202C} \u{2066}isolate\u{2069}",               // bidi overrides and isolates
        "zwj 👩\u{200D}👩\u{200D}👧 zw\u{200B}sp\u{FEFF}bom",                    // zero-width joiners, ZWSP, BOM
        "combining Z\u{0351}\u{0358}\u{035B}a\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}l\u{0336}g\u{0489}o",
        "tab\there\rcarriage\u{08}backspace\u{7F}del\u{0C}formfeed",
        "line one\nline two\n\n\nline five",
        String(repeating: "W", count: 5000) + "…end",
        "wide 全角テキスト１２３ and emoji 🧑🏽‍🚀🏳️‍🌈",
    ]

    func deepAttributes(_ depth: Int) -> JSONValue {
        var v: JSONValue = .string("bottom")
        for d in 0..<depth { v = .object([("level\(depth - d)", v)]) }
        return v
    }

    /// About two dozen orders appended after the normal ones.
    mutating func make(startSeq: Int, after: Int64) -> [StoredOrder] {
        var seeder = OrderSeeder(catalog: catalog, seed: rng.next())
        var out: [StoredOrder] = []
        let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .erred, .done,
                                    .unknown("pending-quantum"), .unknown(""), .unknown("\u{1B}[5mblink\u{1B}[0m")]
        let types: [OrderType] = [.create, .update, .terminate, .unknown("Migrate"), .unknown("Restore\u{202E}")]
        var t = after
        for (n, s) in Self.strings.enumerated() {
            for k in 0..<2 {
                t += 1_000_000
                let state = states[(n + k) % states.count]
                let seq = startSeq + out.count
                var o = seeder.order(seq: seq, state: state.isKnown ? state : .pendingProvider, offering: (n + k) % catalog.offerings.count,
                                     project: [0, 1, 3][(n + k) % 3], type: .create, created: t)
                o.state = state
                o.type = types[(n + k) % types.count]
                o.resourceName = s
                o.requestComment = Self.strings[(n + 3) % Self.strings.count]
                o.errorMessage = Self.strings[(n + 5) % Self.strings.count]
                o.errorTraceback = Self.strings[(n + 7) % Self.strings.count]
                o.backendID = Self.strings[(n + 1) % Self.strings.count]
                o.terminationComment = k == 0 ? s : nil
                var attrs: [(String, JSONValue)] = [("name", .string(s)), ("description", .string(Self.strings[(n + 2) % Self.strings.count]))]
                switch (n + k) % 4 {
                case 0: attrs.append(("nested", deepAttributes(200)))
                case 1: attrs = [("name", .number("12345")), ("description", .number("-1e308")), ("count", .number("340282366920938463463374607431768211457"))]
                case 2: attrs.append(("list", .array([.null, .bool(true), .number("0.1"), .string(s), .array([]), .object([])])))
                default: attrs.append((s, .string("key is hostile")))
                }
                o.attributesOverride = .object(attrs)
                o.limitsOverride = .object([("cpu", .number("1e400")), ("ram", .string("lots")), (s, .number("-7"))])
                if (n + k) % 3 == 0 {
                    o.wireOverrides = [("resource_name", .number("4.2e1")), ("project_name", .number("7")), ("error_message", .number("500")),
                                       ("offering_name", .bool(true)), ("customer_name", .number("0"))]
                }
                out.append(o)
            }
        }
        return out
    }
}

extension OrderState {
    var isKnown: Bool { if case .unknown = self { return false } else { return true } }
}

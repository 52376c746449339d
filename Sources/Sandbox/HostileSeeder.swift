import WaldurClient

/// Extra orders whose text and shape try to break clients: terminal escapes, controls, bidi, odd JSON, unknown enums,
/// megabyte strings, odd date forms, and an offering whose own texts are hostile.
struct HostileSeeder {
    /// The catalog with the hostile offering appended (serve this one).
    let catalog: Catalog
    var rng: SeededRandom

    init(catalog: Catalog, seed: UInt64) {
        var rng = SeededRandom(seed: seed ^ 0xBAD0_BAD0_BAD0_BAD0)
        self.catalog = Self.extend(catalog, rng: &rng)
        self.rng = rng
    }

    /// Base64 of "pwned": what the OSC 52 sequences below would put on the clipboard.
    static let clipboardPayload = "cHduZWQ="

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
        "clip\u{1B}]52;c;\(clipboardPayload)\u{07}board",                     // OSC 52 clipboard write (BEL)
        "clip2\u{1B}]52;p;\(clipboardPayload)\u{1B}\\st \u{9D}52;c;\(clipboardPayload)\u{9C}c1", // OSC 52 (ST), and as C1 OSC
        "title2\u{1B}]2;pwned-too\u{1B}\\ osc2",                              // OSC 2 title (ST)
        "pass\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(clipboardPayload)\u{07}\u{1B}\\through", // DCS: tmux passthrough of OSC 52
        "rtl \u{202B}embed\u{202C}\u{200F}mark\u{061C}alm \u{2067}rli\u{2068}fsi\u{2069}",  // more bidi: RLE, RLM, ALM, RLI, FSI
    ]

    /// Valid ISO 8601 forms the recorded server never sends but a parser must take (the same instant each time).
    static func oddDate(_ micros: Int64, variant: Int) -> String {
        let utc = Timestamp.format(micros)                     // 2026-11-19T09:15:02.123456Z
        let day = String(utc.prefix(10)), clock = String(utc.dropFirst(11).prefix(8)), fraction = String(utc.dropFirst(20).prefix(6))
        func shifted(_ minutes: Int) -> String {
            // The same instant written with a UTC offset of `minutes`.
            let local = Timestamp.format(micros + Int64(minutes) * 60_000_000)
            let sign = minutes < 0 ? "-" : "+"
            let a = abs(minutes)
            let off = "\(a / 60 < 10 ? "0" : "")\(a / 60):\(a % 60 < 10 ? "0" : "")\(a % 60)"
            return String(local.prefix(26)) + sign + off
        }
        switch variant % 7 {
        case 0: return shifted(330)                                         // +05:30
        case 1: return shifted(-570)                                        // -09:30
        case 2: return day.lowercased() + "t" + clock + "." + fraction + "z"  // lower-case t and z
        case 3: return day + " " + clock + "," + fraction + "+0000"         // space, comma fraction, compact offset
        case 4: return day + "T" + clock + "." + fraction + "000Z"          // nanoseconds
        case 5: return shifted(840)                                         // +14:00, the largest offset in use
        default: return day + "T" + clock + "." + fraction + "-00:00"       // "unknown local offset"
        }
    }

    /// Valid dates far from today, for reviewed/completed timestamps.
    static let extremeDates = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T24:00:00Z",
                               "2016-12-31T23:59:60Z", "1970-01-01", "2026-11-19 09:15"]

    /// About one megabyte of text with escapes and bidi controls all through it, starting with `tag`.
    static func megabyte(_ tag: String) -> String {
        let chunk = " \u{1B}[31mred\u{1B}[0m \u{1B}]52;c;\(clipboardPayload)\u{07} \u{202E}desrever\u{202C} \u{0}\u{9B}2J "
            + String(repeating: "x", count: 64)
        var s = tag
        s.reserveCapacity(1 << 20 + 256)
        while s.utf8.count < 1 << 20 { s += chunk }
        return s + " " + tag + "-END"
    }

    func deepAttributes(_ depth: Int) -> JSONValue {
        var v: JSONValue = .string("bottom")
        for d in 0..<depth { v = .object([("level\(depth - d)", v)]) }
        return v
    }

    /// An offering (appended last) whose name, description, category, plan and component texts are hostile.
    static func extend(_ base: Catalog, rng: inout SeededRandom) -> Catalog {
        var c = base
        let components = [
            Component(uuid: rng.uuidPair(), type: "cpu", name: "CPU \u{202E}sgub\u{202C}\u{1B}[5m", measuredUnit: "cores\u{0}", billingType: "limit"),
            Component(uuid: rng.uuidPair(), type: "ram", name: "RAM\u{1B}]2;pwned-component\u{07}", measuredUnit: "GB\u{85}", billingType: "limit"),
        ]
        let plans = [
            Plan(uuid: rng.uuidPair(), name: "Plan\u{1B}[2J\u{1B}]52;c;\(clipboardPayload)\u{07}", description: "desc \u{2066}iso\u{2069}\u{200D}\u{0}",
                 unit: "month\u{9B}", prices: ["1.5", "0.5"]),
            Plan(uuid: rng.uuidPair(), name: "Plan \u{202E}2\u{202C} \u{1B}]0;pwned-plan\u{07}", description: "", unit: "day", prices: ["3", "1"]),
        ]
        var offering = Offering(
            uuid: rng.uuidPair(), name: "Evil\u{1B}]0;pwned-offering\u{07} offering \u{1B}]52;c;\(clipboardPayload)\u{07}",
            slug: "evil-offering", description: "see \u{1B}]8;;http://evil.example/\u{1B}\\here\u{1B}]8;;\u{1B}\\ \u{202E}txt.exe\u{202C}",
            type: "Marketplace.Basic", provider: 4, categoryUUID: rng.uuidPair(), categoryTitle: "Cat\u{1B}[5m\u{9B}2J\u{0}",
            components: components, plans: plans, created: c.epochEnd - 150 * 86_400_000_000, resourceType: nil, stem: "evil")
        offering.limitComponents = [0, 1]
        c.offerings.append(offering)
        return c
    }

    /// Three dozen orders appended after the normal ones.
    mutating func make(startSeq: Int, after: Int64) -> [StoredOrder] {
        var seeder = OrderSeeder(catalog: catalog, seed: rng.next())
        var out: [StoredOrder] = []
        let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .erred, .done,
                                    .unknown("pending-quantum"), .unknown(""), .unknown("\u{1B}[5mblink\u{1B}[0m")]
        let types: [OrderType] = [.create, .update, .terminate, .unknown("Migrate"), .unknown("Restore\u{202E}")]
        let evil = catalog.offerings.count - 1
        var t = after
        for (n, s) in Self.strings.enumerated() {
            for k in 0..<2 {
                t += 1_000_000
                let state = states[(n + k) % states.count]
                let seq = startSeq + out.count
                let offering = k == 1 ? evil : n % max(1, evil)
                var o = seeder.order(seq: seq, state: state.isKnown ? state : .pendingProvider, offering: offering,
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
                var wire: [(String, JSONValue)] = [
                    ("created", .string(Self.oddDate(o.created, variant: n + k))),
                    ("modified", .string(Self.oddDate(o.modified, variant: n + k + 3))),
                ]
                if (n + k) % 3 == 0 {
                    wire += [("resource_name", .number("4.2e1")), ("project_name", .number("7")), ("error_message", .number("500")),
                             ("offering_name", .bool(true)), ("customer_name", .number("0"))]
                } else if (n + k) % 3 == 1 {
                    wire += [("project_name", .string(Self.strings[(n + 4) % Self.strings.count])),
                             ("customer_name", .string(Self.strings[(n + 6) % Self.strings.count])),
                             ("provider_name", .string(Self.strings[(n + 8) % Self.strings.count])),
                             ("offering_type", .string("Marketplace.\u{1B}[31mEvil\u{202E}")),
                             ("consumer_reviewed_at", .string(Self.extremeDates[n % Self.extremeDates.count])),
                             ("completed_at", .string(Self.extremeDates[(n + 1) % Self.extremeDates.count]))]
                }
                o.wireOverrides = wire
                out.append(o)
            }
        }
        // One megabyte in the name (list row, detail, attributes), and in the comment and error message (detail only).
        for k in 0..<2 {
            t += 1_000_000
            var o = seeder.order(seq: startSeq + out.count, state: k == 0 ? .pendingProvider : .erred, offering: k == 0 ? evil : 0,
                                 project: 0, type: .create, created: t)
            if k == 0 {
                o.resourceName = Self.megabyte("MEGANAME")
            } else {
                o.resourceName = "mega-comment"
                o.requestComment = Self.megabyte("MEGACOMMENT")
                o.errorMessage = Self.megabyte("MEGAERROR")
            }
            out.append(o)
        }
        return out
    }
}

extension OrderState {
    var isKnown: Bool { if case .unknown = self { return false } else { return true } }
}

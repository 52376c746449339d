import ArgumentParser

/// The orders a command acts on: uuids, unique prefixes, or `-` for standard input.
struct OrderArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Orders: full uuids (hyphens optional), unique prefixes of at least 8 hex digits, or - to read them from "
                                 + "standard input, one per line (first column).", valueName: "order"))
    var orders: [String] = []
}

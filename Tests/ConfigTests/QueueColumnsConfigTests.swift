import Foundation
import Testing
import WaldurClient
import WaldurConfig

/// `columns = [...]` in a `[[queues]]` table (issue 12).
@Suite struct QueueColumnsConfigTests {
    @Test func aQueueMayListItsColumnsInOrder() throws {
        let config = try AppConfigFile.parse("""
        [[queues]]
        name = "On call"
        filter = "state:erred"
        columns = ["state", "resource", "error", "backend-id", "age"]

        [[queues]]
        name = "Plain"
        filter = "type:update"
        """, path: "/cfg/config.toml")
        #expect(config.queues.map(\.name) == ["On call", "Plain"])
        #expect(config.queueColumns == ["On call": ["state", "resource", "error", "backend-id", "age"]])
        #expect(config.warnings.isEmpty, "columns is a known key: \(config.warnings)")
    }

    @Test func wrongColumnListsNameTheQueueAndLine() {
        for (text, expected) in [
            ("[[queues]]\nname = \"A\"\nfilter = \"x\"\ncolumns = \"state\"\n", "line 4: queue 1: columns must be an array"),
            ("[[queues]]\nname = \"A\"\nfilter = \"x\"\ncolumns = [\"state\", 3]\n", "queue 1: every column must be a string"),
            ("[[queues]]\nname = \"A\"\nfilter = \"x\"\ncolumns = []\n", "queue 1: columns must name at least one column"),
        ] {
            do {
                _ = try AppConfigFile.parse(text, path: "/cfg/config.toml")
                Issue.record("parsed: \(text)")
            } catch {
                #expect(error.message.contains(expected), "got: \(error.message)")
            }
        }
    }
}

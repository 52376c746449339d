import Testing
import OrderStore
@testable import TerminalUI

/// The list fields the queues' columns need: the union over every tab, cheapest first.
@Suite struct ColumnFieldsTests {
    @Test func builtInQueuesNeedTheirColumnsFields() {
        let fields = QueueColumns().listFields(userQueueNames: [])
        #expect(fields == ["state", "type", "cost", "created", "modified", "error_message", "offering_name", "project_name",
                           "customer_name", "resource_name", "created_by_username", "created_by_full_name"])
    }

    @Test func aUserQueuesConfiguredColumnsAddTheirFields() {
        let (columns, problems) = QueueColumns.parse(["HPC": ["state", "plan", "backend-id", "provider"]])
        #expect(problems.isEmpty)
        let fields = columns.listFields(userQueueNames: ["HPC"])
        #expect(fields.contains("plan_name") && fields.contains("backend_id") && fields.contains("provider_name"))
        #expect(!QueueColumns().listFields(userQueueNames: ["HPC"]).contains("plan_name"), "unconfigured user queues use the default columns")
    }

    @Test func everyColumnNamesOnlyListFields() {
        for kind in ColumnKind.allCases {
            #expect(!kind.listFields.isEmpty)
            #expect(kind.listFields.allSatisfy(ListFields.names.contains), "\(kind)")
        }
    }
}

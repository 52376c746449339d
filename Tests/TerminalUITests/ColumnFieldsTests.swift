import Testing
import OrderStore
import WaldurClient
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

    @Test("per state: the creator only where a queue that shows it can hold the state, the resource likewise")
    func eachStateNeedsWhatItsQueuesShow() {
        let byState = QueueColumns().stateListFields(userQueueNames: [])
        let union = Set(QueueColumns().listFields(userQueueNames: []))
        for state in OrderState.known {
            let fields = byState[state] ?? []
            #expect(Set(fields).isSubset(of: union), "\(state)")
            #expect(fields.contains("offering_name") && fields.contains("customer_name"), "\(state): All shows these")
        }
        for state: OrderState in [.pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate, .canceled, .rejected] {
            #expect(byState[state]?.contains("created_by_full_name") == true && byState[state]?.contains("resource_name") == false, "\(state)")
        }
        for state: OrderState in [.executing, .erred, .done] {
            #expect(byState[state]?.contains("resource_name") == true && byState[state]?.contains("created_by_full_name") == false, "\(state)")
        }
        #expect(byState[.erred]?.contains("error_message") == true && byState[.done]?.contains("error_message") == false)
        // A user queue may hold any state: its configured columns count for every one.
        let (columns, _) = QueueColumns.parse(["Mine": ["state", "resource", "created-by"]])
        let mine = columns.stateListFields(userQueueNames: ["Mine"])
        #expect(OrderState.known.allSatisfy { mine[$0]?.contains("resource_name") == true && mine[$0]?.contains("created_by_full_name") == true })
    }
}

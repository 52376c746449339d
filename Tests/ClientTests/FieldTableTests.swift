import Foundation
import Testing
@testable import WaldurClient

/// The field tables are the only place that ties a wire key to a property: these tests catch a slip in them (a key
/// read into the wrong property, a key listed twice, a property no key reaches) and check that decoding and
/// encoding through them lose nothing.
@Suite struct FieldTableTests {
    /// A table of every model, named for messages.
    struct NamedTable: Sendable {
        let model: String
        let keys: [String]
        let propertyNames: [String]
        let kinds: [FieldKind]
        init<M>(_ model: String, _ table: FieldTable<M>) {
            self.model = model
            keys = table.keys
            propertyNames = table.fields.map { FieldTableTests.propertyName($0.path) }
            kinds = table.fields.map(\.kind)
        }
    }

    static let tables: [NamedTable] = [
        NamedTable("Order", Order.fields),
        NamedTable("Offering", Offering.fields),
        NamedTable("Offering.Component", Offering.Component.fields),
        NamedTable("Offering.File", Offering.File.fields),
        NamedTable("Offering.NamedLink", Offering.NamedLink.fields),
        NamedTable("Offering.OrganizationGroup", Offering.OrganizationGroup.fields),
        NamedTable("Offering.Partition", Offering.Partition.fields),
        NamedTable("Offering.Plan", Offering.Plan.fields),
        NamedTable("Offering.PlanComponent", Offering.PlanComponent.fields),
        NamedTable("Offering.PromotionCampaign", Offering.PromotionCampaign.fields),
        NamedTable("Offering.Quota", Offering.Quota.fields),
        NamedTable("Offering.Screenshot", Offering.Screenshot.fields),
        NamedTable("Offering.SoftwareCatalog", Offering.SoftwareCatalog.fields),
        NamedTable("Offering.SoftwareCatalog.Catalog", Offering.SoftwareCatalog.Catalog.fields),
        NamedTable("Offering.SoftwareCatalog.PartitionRef", Offering.SoftwareCatalog.PartitionRef.fields),
    ]

    /// `\Order.errorMessage` → `errorMessage`.
    static func propertyName(_ path: AnyKeyPath) -> String {
        String(String(describing: path).split(separator: ".").last ?? "")
    }

    /// The stored properties of a value, by name.
    static func properties(of value: Any) -> [(String, Any)] {
        Mirror(reflecting: value).children.compactMap { child in child.label.map { ($0, child.value) } }
    }

    static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    @Test("no table lists a wire key or a property twice", arguments: tables.map(\.model))
    func keysAndPropertiesAreUnique(model: String) throws {
        let table = try #require(Self.tables.first { $0.model == model })
        #expect(Set(table.keys).count == table.keys.count, "\(model): \(table.keys.filter { k in table.keys.filter { $0 == k }.count > 1 })")
        #expect(Set(table.propertyNames).count == table.propertyNames.count, "\(model) writes a property from two keys")
    }

    /// `error_message` must be read into `errorMessage`, `offering_uuid` into `offeringUUID`, `def_cpu_per_gpu` into
    /// `defCPUPerGPU`: the key without underscores is the property name, ignoring case.
    @Test("every wire key is read into the property of the same name", arguments: tables.map(\.model))
    func keysNameTheirProperties(model: String) throws {
        let table = try #require(Self.tables.first { $0.model == model })
        for (key, property) in zip(table.keys, table.propertyNames) {
            #expect(key.replacingOccurrences(of: "_", with: "").lowercased() == property.lowercased(), "\(model): \(key) → \(property)")
        }
    }

    @Test func orderTableCoversEveryProperty() throws {
        let order = try Order(json: try JSONParser.parse(PopulatedOrder.text))
        let names = Self.properties(of: order).map(\.0).filter { $0 != "extraFields" }
        #expect(Set(names) == Set(Self.tables[0].propertyNames))
        #expect(names.count == Order.fields.fields.count)
    }

    @Test func wireKeysOfTheOfferingAreTheReferencesOnly() {
        #expect(Offering.wireKeys == Offering.fields.fields.filter(\.isInReference).map(\.key))
        #expect(Set(Offering.fields.keys).subtracting(Offering.wireKeys)
            == ["terms_of_service", "terms_of_service_link", "native_name", "native_description"])
    }

    // MARK: - Round trips of fully populated models

    @Test func everyOrderFieldSurvivesEncodeAndDecode() throws {
        let order = try Order(json: try JSONParser.parse(PopulatedOrder.text))
        for (name, value) in Self.properties(of: order) where name != "extraFields" {
            #expect(!Self.isNil(value), "the populated order leaves \(name) unset")
        }
        let json = order.json
        let again = try Order(json: try JSONParser.parse(JSONWriter.string(json)))
        #expect(again == order)
        #expect(JSONWriter.string(again.json) == JSONWriter.string(json))
        #expect(json.objectValue?.map(\.0) == Order.fields.keys + ["zz_unknown"])
        // Money keeps its digits and its form, uuids their text.
        for field in Order.fields.fields where field.kind == .money {
            #expect(json[field.key] == (try JSONParser.parse(PopulatedOrder.text))[field.key], "\(field.key)")
        }
        #expect(again.uuid.raw == order.uuid.raw && again.offeringUUID?.raw == order.offeringUUID?.raw)
    }

    /// Each member alone reaches exactly one property, and is written back under its own key alone.
    @Test func eachOrderMemberAloneIsWrittenBackUnderItsOwnKey() throws {
        let full = try JSONParser.parse(PopulatedOrder.text)
        for field in Order.fields.fields where field.key != "uuid" {
            let value = try #require(full[field.key])
            let order = try Order(json: .object([("uuid", "aa"), (field.key, value)]))
            let set = Self.properties(of: order).filter { $0.0 != "uuid" && $0.0 != "extraFields" && !Self.isNil($0.1) }.map(\.0)
            #expect(set == [Self.propertyName(field.path)], "\(field.key) set \(set)")
            #expect(order.json.objectValue?.map(\.0) == Order.fields.keys.filter { $0 == "uuid" || $0 == field.key })
            #expect(order.json[field.key] == (try Order(json: full)).json[field.key], "\(field.key)")
        }
    }

    /// The decoder stores scalar members itself (through the property's offset) rather than calling the field's
    /// reader: both must give the same model, and fail with the same error, for every field.
    static func checkDirectStoresMatchReaders<M: Equatable>(_ table: FieldTable<M>, _ empty: M, sample: JSONValue) throws {
        for field in table.fields {
            for value in [sample[field.key] ?? .null, .null, .array([.bool(true)]), .string("not-a-number"), .number("12.5")] {
                var viaReader = empty
                var viaTable = empty
                let readerError: JSONDecodingError?
                let tableError: JSONDecodingError?
                do { try field.decode(&viaReader, value); readerError = nil } catch { readerError = error }
                do { try table.decode([(field.key, value)], into: &viaTable); tableError = nil } catch { tableError = error }
                #expect(viaReader == viaTable, "\(field.key) = \(JSONWriter.string(value))")
                #expect(readerError == tableError, "\(field.key) = \(JSONWriter.string(value))")
            }
        }
    }

    @Test func directStoresMatchReaders() throws {
        try Self.checkDirectStoresMatchReaders(Order.fields, Order(uuid: "aa"), sample: try JSONParser.parse(PopulatedOrder.text))
        try Self.checkDirectStoresMatchReaders(Offering.fields, Offering(), sample: Self.populatedOffering())
        try Self.checkDirectStoresMatchReaders(Offering.Plan.fields, Offering.Plan(), sample: Self.populatedOffering()["plans"]?[0] ?? .null)
        try Self.checkDirectStoresMatchReaders(
            Offering.Partition.fields, Offering.Partition(), sample: Self.populatedOffering()["partitions"]?[0] ?? .null)
        #expect(Order.fields.direct.compactMap { $0 }.count == Order.fields.fields.count - 3, "all but uuid, state and type")
    }

    /// A JSON object with every field of `table` set, in table order, in the form the writer produces (so writing
    /// the decoded model gives the same object back). `nested` gives the objects for `.object` and `.list` fields.
    static func populated<M>(_ table: FieldTable<M>, nested: [String: JSONValue], seed: Int) -> JSONValue {
        var members: [(String, JSONValue)] = []
        for (i, field) in table.fields.enumerated() {
            let n = seed * 100 + i
            let value: JSONValue
            switch field.kind {
            case .string: value = .string("\(field.key) \(n)")
            case .uuid: value = .string(String(format: "%032lx", 0x5eed_0000 + n))
            case .bool: value = .bool(n % 2 == 0)
            case .int: value = .number(String(n + 1))
            case .double: value = .number("\(n).25")
            case .date: value = .string(String(format: "2024-%02d-%02dT%02d:%02d:07.%06dZ", 1 + n % 12, 1 + n % 28, n % 24, n % 60, n))
            case .money: value = n % 2 == 0 ? .string("\(n).0100000000") : .number("\(n).5")
            case .name: value = .string("name-\(n)")
            case .json: value = .object([(field.key, .array([.number(String(n)), .null, "x"]))])
            case .object: value = nested[field.key] ?? .null
            case .list: value = .array([nested[field.key] ?? .null])
            }
            members.append((field.key, value))
        }
        return .object(members)
    }

    static func populatedOffering() -> JSONValue {
        let organizationGroup = populated(Offering.OrganizationGroup.fields, nested: [:], seed: 1)
        let catalog = populated(Offering.SoftwareCatalog.fields, nested: [
            "catalog": populated(Offering.SoftwareCatalog.Catalog.fields, nested: [:], seed: 2),
            "partition": populated(Offering.SoftwareCatalog.PartitionRef.fields, nested: [:], seed: 3),
        ], seed: 4)
        let plan = populated(Offering.Plan.fields, nested: [
            "organization_groups": organizationGroup,
            "components": populated(Offering.PlanComponent.fields, nested: [:], seed: 5),
        ], seed: 6)
        return populated(Offering.fields, nested: [
            "endpoints": populated(Offering.NamedLink.fields, nested: [:], seed: 7),
            "roles": populated(Offering.NamedLink.fields, nested: [:], seed: 8),
            "software_catalogs": catalog,
            "partitions": populated(Offering.Partition.fields, nested: [:], seed: 9),
            "components": populated(Offering.Component.fields, nested: [:], seed: 10),
            "plans": plan,
            "screenshots": populated(Offering.Screenshot.fields, nested: [:], seed: 11),
            "files": populated(Offering.File.fields, nested: [:], seed: 12),
            "quotas": populated(Offering.Quota.fields, nested: [:], seed: 13),
            "organization_groups": organizationGroup,
            "promotion_campaigns": populated(Offering.PromotionCampaign.fields, nested: [:], seed: 14),
        ], seed: 15)
    }

    /// Every optional stored property of `value` and of the models nested in it is set.
    static func unsetProperties(of value: Any, at path: String) -> [String] {
        var unset: [String] = []
        for (name, child) in properties(of: value) where name != "raw" {
            if isNil(child) {
                unset.append(path + name)
                continue
            }
            var inner: Any = child
            if let first = Mirror(reflecting: child).children.first, Mirror(reflecting: child).displayStyle == .optional { inner = first.value }
            if inner is JSONValue { continue }
            if let items = inner as? [Any] {
                for item in items where Mirror(reflecting: item).displayStyle == .struct { unset += unsetProperties(of: item, at: path + name + "[].") }
            } else if Mirror(reflecting: inner).displayStyle == .struct, !(inner is Money), !(inner is WaldurUUID), !(inner is Date) {
                unset += unsetProperties(of: inner, at: path + name + ".")
            }
        }
        return unset
    }

    @Test func everyOfferingFieldSurvivesEncodeAndDecode() throws {
        let sent = Self.populatedOffering()
        let offering = try Offering(json: try JSONParser.parse(JSONWriter.string(sent)))
        #expect(Self.unsetProperties(of: offering, at: "") == [])
        // Written in table order, nested models included, exactly as it was sent.
        #expect(JSONWriter.string(offering.json) == JSONWriter.string(sent))
        var again = try Offering(json: try JSONParser.parse(JSONWriter.string(offering.json)))
        #expect(again.raw == offering.raw)
        again.raw = .null
        var original = offering
        original.raw = .null
        #expect(again == original)
    }

    @Test func offeringWritesMembersItDoesNotNameAfterItsFields() throws {
        let offering = try Offering(json: try JSONParser.parse(#"{"rating": 5, "name": "VM", "x_new": [1], "uuid": null}"#))
        #expect(JSONWriter.string(offering.json) == #"{"name":"VM","rating":5,"x_new":[1]}"#)
        #expect(JSONWriter.string(Offering.NamedLink(uuid: "AB", name: "n").json) == #"{"uuid":"AB","name":"n"}"#)
    }

    // MARK: - Recorded responses

    /// Every order object recorded from a real Waldur.
    static func recordedOrders() throws -> [JSONValue] {
        var out: [JSONValue] = []
        for file in Fixtures.allFiles where file != "errors.json" {
            let exchange = try Fixtures.exchange(file)
            guard let status = exchange["status"]?.intValue, (200..<300).contains(status),
                  !(exchange["url"]?.stringValue ?? "").hasSuffix("/offering/"), let body = exchange["body"] else { continue }
            switch body {
            case let .array(items): out += items
            case .object: out.append(body)
            default: break
            }
        }
        return out
    }

    @Test func everyRecordedOrderKeyHasAField() throws {
        let orders = try Self.recordedOrders()
        #expect(orders.count >= 35)
        for json in orders {
            let order = try Order(json: json)
            #expect(order.extraFields.isEmpty, "not in the table: \(order.extraFields.keys.sorted())")
            // Each recorded member is written back under its own key with the same value (dates at microseconds).
            for (key, value) in json.objectValue ?? [] where !value.isNull {
                let field = try #require(Order.fields.field(for: key))
                let written = order.json[key]
                if field.kind == .date {
                    #expect(written.flatMap { $0.stringValue }.flatMap(WaldurDate.parse) == value.stringValue.flatMap(WaldurDate.parse), "\(key)")
                } else {
                    #expect(written == value, "\(key): \(String(describing: written)) for \(value)")
                }
            }
        }
    }

    /// Spot checks written by hand, independent of the table: the recorded member lands in the named property.
    @Test func recordedOrderMembersLandInTheirProperties() throws {
        let checks: [(String, @Sendable (Order) -> String?)] = [
            ("uuid", { $0.uuid.raw }), ("state", { $0.state?.wire }), ("type", { $0.type?.wire }),
            ("offering_name", { $0.offeringName }), ("offering_type", { $0.offeringType }), ("offering_uuid", { $0.offeringUUID?.raw }),
            ("provider_name", { $0.providerName }), ("provider_uuid", { $0.providerUUID?.raw }), ("customer_name", { $0.customerName }),
            ("project_name", { $0.projectName }), ("project_uuid", { $0.projectUUID?.raw }), ("plan_name", { $0.planName }),
            ("resource_name", { $0.resourceName }), ("resource_uuid", { $0.resourceUUID?.raw }), ("cost", { $0.cost?.text }),
            ("error_message", { $0.errorMessage }), ("error_traceback", { $0.errorTraceback }), ("backend_id", { $0.backendID }),
            ("created_by_full_name", { $0.createdByFullName }), ("created_by_username", { $0.createdByUsername }),
            ("consumer_reviewed_by", { $0.consumerReviewedBy }), ("provider_reviewed_by", { $0.providerReviewedBy }),
            ("provider_reviewed_by_full_name", { $0.providerReviewedByFullName }), ("old_plan_name", { $0.oldPlanName }),
            ("new_plan_name", { $0.newPlanName }), ("new_plan_uuid", { $0.newPlanUUID?.raw }), ("customer_slug", { $0.customerSlug }),
            ("project_slug", { $0.projectSlug }), ("offering", { $0.offering }), ("plan", { $0.plan }), ("url", { $0.url }),
            ("output", { $0.output }), ("marketplace_resource_uuid", { $0.marketplaceResourceUUID?.raw }),
            ("created", { $0.created.map(WaldurDate.format) }), ("modified", { $0.modified.map(WaldurDate.format) }),
            ("consumer_reviewed_at", { $0.consumerReviewedAt.map(WaldurDate.format) }),
        ]
        var checked = Set<String>()
        for json in try Self.recordedOrders() {
            let order = try Order(json: json)
            for (key, read) in checks {
                guard let sent = json[key]?.stringValue else { continue }
                if key == "created" || key == "modified" || key.hasSuffix("_at") {
                    #expect(read(order).flatMap(WaldurDate.parse) == WaldurDate.parse(sent), "\(key)")
                } else {
                    #expect(read(order) == sent, "\(key)")
                }
                checked.insert(key)
            }
        }
        #expect(checked.count >= 30, "spot checks never ran for \(Set(checks.map(\.0)).subtracting(checked).sorted())")
    }

    /// An object without its null members (one level deep: free-form values inside keep theirs).
    static func withoutNullMembers(_ value: JSONValue) -> JSONValue {
        guard case let .object(members) = value else { return value }
        return .object(members.filter { !$0.1.isNull })
    }

    @Test func recordedOfferingMembersLandInTheirProperties() throws {
        for file in ["order_offering.json", "order_offering_slurm.json"] {
            let body = try #require(try Fixtures.exchange(file)["body"])
            let offering = try Offering(json: body)
            #expect(offering.name == body["name"]?.stringValue)
            #expect(offering.type == body["type"]?.stringValue)
            #expect(offering.uuid?.raw == body["uuid"]?.stringValue)
            #expect(offering.customerName == body["customer_name"]?.stringValue)
            #expect(offering.categoryTitle == body["category_title"]?.stringValue)
            #expect(offering.termsOfService == body["terms_of_service"]?.stringValue)
            #expect(offering.nativeName == body["native_name"]?.stringValue)
            #expect(offering.plans?.first?.name == body["plans"]?[0]?["name"]?.stringValue)
            #expect(offering.plans?.first?.unitPrice?.text == body["plans"]?[0]?["unit_price"]?.stringValue)
            #expect(offering.components?.first?.type == body["components"]?[0]?["type"]?.stringValue)
            #expect(offering.components?.first?.measuredUnit == body["components"]?[0]?["measured_unit"]?.stringValue)
            // The writer gives back every member the offering was read from (nested objects without their null
            // members, which read as unset).
            let written = offering.json
            for (key, value) in body.objectValue ?? [] where !value.isNull {
                let field = Offering.fields.field(for: key)
                if field?.kind == .date || field?.kind == .double { continue }
                let expected = field?.kind == .list ? .array((value.arrayValue ?? []).map(Self.withoutNullMembers)) : value
                #expect(written[key] == expected, "\(file): \(key)")
            }
        }
    }
}

import Foundation
import Testing
import WaldurClient

/// The recorded response body of one fixture file (`body` member), in `Tests/Fixtures/waldur-2024-10/`.
private func offeringFixtureBody(_ name: String) throws -> JSONValue {
    let url = Fixtures.directory.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
        Issue.record("fixture \(name) not found in \(Fixtures.directory.path)")
        throw CocoaError(.fileNoSuchFile)
    }
    let document = try JSONParser.parse(Array(try Data(contentsOf: url)))
    guard let body = document["body"] else {
        Issue.record("fixture \(name) has no body")
        throw CocoaError(.fileReadCorruptFile)
    }
    return body
}

private func decodeOffering(_ text: String) throws -> Offering {
    try Offering(json: try JSONParser.parse(text))
}

/// The failing path of a body that must not decode, or nil when it decodes.
private func offeringErrorPath(_ text: String) throws -> JSONDecodingError? {
    let json = try JSONParser.parse(text)
    do {
        _ = try Offering(json: json)
        return nil
    } catch {
        return error
    }
}

/// A full offering written from the reference's field table: every field and every nested list filled.
private let fullOfferingJSON = """
{
  "url": "https://waldur.example.com/api/marketplace-public-offerings/0b6dbd3f0a2f4c7e9a6c1f3b2d4e5a61/",
  "uuid": "0b6dbd3f-0a2f-4c7e-9a6c-1f3b2d4e5a61",
  "created": "2024-10-01T08:30:00.123456+02:00",
  "name": "Cluster \\u001b[31mred",
  "slug": "cluster-1",
  "description": "HPC cluster",
  "full_description": "<p>Long</p>",
  "privacy_policy_link": "https://example.com/privacy",
  "access_url": "https://cluster.example.com/",
  "endpoints": [
    {"uuid": "e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1", "name": "Login node", "url": "ssh://login.example.com"},
    {"uuid": "e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2", "name": "Portal", "url": "https://portal.example.com"}
  ],
  "software_catalogs": [
    {
      "uuid": "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c",
      "catalog": {"uuid": "ca7a1090000000000000000000000001", "name": "EESSI", "version": "2023.06", "description": "European software stack"},
      "enabled_cpu_family": ["x86_64", "aarch64"],
      "enabled_cpu_microarchitectures": ["generic", "zen3"],
      "package_count": 1532,
      "partition": {"uuid": "9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a", "partition_name": "gpu", "priority_tier": 2, "qos": "high"}
    }
  ],
  "partitions": [
    {
      "uuid": "9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a",
      "partition_name": "gpu",
      "cpu_bind": 1,
      "def_cpu_per_gpu": 8,
      "max_cpus_per_node": 128,
      "max_cpus_per_socket": 64,
      "def_mem_per_cpu": 2048,
      "def_mem_per_gpu": 65536,
      "def_mem_per_node": 524288,
      "max_mem_per_cpu": 8192,
      "max_mem_per_node": 1048576000000,
      "default_time": 60,
      "max_time": 2880,
      "grace_time": 300,
      "max_nodes": 16,
      "min_nodes": 1,
      "exclusive_topo": true,
      "exclusive_user": false,
      "priority_tier": 2,
      "qos": "high",
      "req_resv": false
    },
    {"uuid": "8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b", "partition_name": "cpu", "max_time": null}
  ],
  "roles": [{"uuid": "7070707070707070707070707070aaaa", "name": "PI", "url": "https://waldur.example.com/api/roles/7070707070707070707070707070aaaa/"}],
  "customer": "https://waldur.example.com/api/customers/c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0/",
  "customer_uuid": "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0",
  "customer_name": "University",
  "project": "https://waldur.example.com/api/projects/d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0/",
  "project_uuid": "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0",
  "project_name": "Provider project",
  "category": "https://waldur.example.com/api/marketplace-categories/a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0/",
  "category_uuid": "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0",
  "category_title": "HPC",
  "attributes": {"site": "north", "gpus": 4},
  "options": {"order": ["name"], "options": {"name": {"type": "string"}}},
  "resource_options": {},
  "components": [
    {
      "uuid": "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1",
      "billing_type": "usage",
      "type": "gpu_hours",
      "name": "GPU hours",
      "description": "Hours of one GPU",
      "measured_unit": "hours",
      "unit_factor": 60,
      "limit_period": "month",
      "limit_amount": 1000,
      "article_code": "ART-GPU",
      "max_value": 10000,
      "min_value": 0,
      "max_available_limit": 5000,
      "is_boolean": false,
      "default_limit": 100,
      "factor": 3,
      "is_builtin": false,
      "is_prepaid": true,
      "overage_component": "c2c2c2c2-c2c2-c2c2-c2c2-c2c2c2c2c2c2",
      "min_prepaid_duration": 1,
      "max_prepaid_duration": 12
    },
    {"uuid": "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2", "billing_type": "subscription_v2", "type": "overage", "name": "Overage"}
  ],
  "plugin_options": {"auto_approve_in_service_provider_projects": true},
  "state": "Paused",
  "vendor_details": "Vendor",
  "getting_started": "Read the docs",
  "integration_guide": "Guide",
  "thumbnail": "https://example.com/thumb.png",
  "order_count": 42,
  "plans": [
    {
      "url": "https://waldur.example.com/api/marketplace-public-offerings/0b6dbd3f0a2f4c7e9a6c1f3b2d4e5a61/plans/f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1/",
      "uuid": "f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1",
      "name": "Standard",
      "description": "Standard plan",
      "article_code": "ART-STD",
      "max_amount": 10,
      "archived": false,
      "is_active": true,
      "unit_price": "123456789.123456",
      "unit": "quarter",
      "init_price": 10.50,
      "switch_price": "2.25",
      "backend_id": "plan-std",
      "organization_groups": [
        {
          "uuid": "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a",
          "url": "https://waldur.example.com/api/organization-groups/0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a/",
          "name": "Universities",
          "parent_uuid": "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
          "parent_name": "Academia",
          "parent": "https://waldur.example.com/api/organization-groups/0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b/",
          "customers_count": 17
        }
      ],
      "components": [
        {
          "type": "gpu_hours",
          "name": "GPU hours",
          "measured_unit": "hours",
          "amount": 100,
          "price": "0.1000000000",
          "future_price": "0.12",
          "discount_threshold": 500,
          "discount_rate": 15
        },
        {"type": "overage", "name": "Overage", "measured_unit": "hours", "amount": 0, "price": 0.3, "future_price": null}
      ],
      "prices": {"gpu_hours": 0.1, "overage": "0.3000000000"},
      "future_prices": {"gpu_hours": 0.12, "overage": null},
      "quotas": {"gpu_hours": 100, "overage": 0},
      "resources_count": 3,
      "plan_type": "usage",
      "minimal_price": 10.0000
    },
    {"uuid": "f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2", "name": "Archived", "archived": true, "unit": "fortnight", "unit_price": 0}
  ],
  "screenshots": [
    {
      "name": "Dashboard",
      "uuid": "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e",
      "description": "Main view",
      "image": "https://example.com/shot.png",
      "thumbnail": "https://example.com/shot-thumb.png",
      "created": "2024-09-30T12:00:00Z"
    }
  ],
  "type": "Marketplace.Slurm",
  "shared": false,
  "billable": true,
  "scope": "https://waldur.example.com/api/slurm-allocations/11111111111111111111111111111111/",
  "scope_uuid": "11111111111111111111111111111111",
  "scope_name": "cluster-north",
  "scope_state": "OK",
  "scope_error_message": "",
  "files": [
    {"name": "Terms.pdf", "created": "2024-09-01T00:00:00Z", "file": "https://example.com/terms.pdf"},
    {"name": "Guide.pdf", "created": "2024-09-02T10:00:00.5Z", "file": "https://example.com/guide.pdf"}
  ],
  "quotas": [{"name": "resources", "usage": 3, "limit": -1}],
  "paused_reason": "Maintenance",
  "datacite_doi": "10.1234/abcd",
  "citation_count": 7,
  "latitude": 59.437,
  "longitude": 24.7536,
  "country": "EE",
  "backend_id": "cluster-north",
  "organization_groups": [{"uuid": "0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a", "name": "Universities", "customers_count": 17}],
  "image": "https://example.com/image.png",
  "total_customers": 12,
  "total_cost": 1500,
  "total_cost_estimated": 1800,
  "parent_description": "Parent offering",
  "parent_uuid": "22222222222222222222222222222222",
  "parent_name": "Parent",
  "backend_metadata": {"cluster": "north", "nodes": [1, 2]},
  "has_compliance_requirements": true,
  "compliance_checklist": "https://waldur.example.com/api/checklists/33333333333333333333333333333333/",
  "user_has_consent": false,
  "google_calendar_is_public": true,
  "google_calendar_link": "https://calendar.google.com/calendar/embed?src=abc",
  "promotion_campaigns": [
    {
      "uuid": "44444444444444444444444444444444",
      "name": "Autumn",
      "start_date": "2024-09-01",
      "end_date": "2024-11-30",
      "discount_type": "discount",
      "discount": 20,
      "stock": 50,
      "description": "Twenty percent off",
      "months": 3
    },
    {"uuid": "55555555555555555555555555555555", "name": "Special", "discount_type": "special_price", "months": 0}
  ],
  "some_future_field": {"nested": true}
}
"""

@Suite("Offering decoding")
struct OfferingDecodingTests {
    @Test("the recorded Marketplace.Basic offering decodes with every field read")
    func recordedBasicOffering() throws {
        let body = try offeringFixtureBody("order_offering.json")
        let offering = try Offering(json: body)

        #expect(offering.raw == body)
        #expect(offering.url == "http://127.0.0.1:8000/api/marketplace-public-offerings/a8f09ad675c347a0bb26e8c600f5301e/")
        #expect(offering.uuid == WaldurUUID("a8f09ad6-75c3-47a0-bb26-e8c600f5301e"))
        #expect(offering.uuid?.raw == "a8f09ad675c347a0bb26e8c600f5301e")
        #expect(offering.created == WaldurDate.parse("2026-11-26T22:31:57.943803Z"))
        #expect(offering.created != nil)
        #expect(offering.name == "Basic VM")
        #expect(offering.slug == "basic-vm-1")
        #expect(offering.description == "Basic VM (eval)")
        #expect(offering.fullDescription == "")
        #expect(offering.termsOfService == "")
        #expect(offering.privacyPolicyLink == "")
        #expect(offering.endpoints == [])
        #expect(offering.roles == [])
        #expect(offering.customerUUID == "b84138ce57804385a511d889a164a26e")
        #expect(offering.customerName == "Provider Org")
        #expect(offering.project == nil)
        #expect(offering.categoryUUID == "b99c016b3781427897c8b65537c82fc6")
        #expect(offering.categoryTitle == "Compute")
        #expect(offering.attributes == .object([]))
        #expect(offering.pluginOptions == .object([]))
        #expect(offering.state == "Active")
        #expect(offering.stateText == "Active")
        #expect(offering.thumbnail == nil)
        #expect(offering.orderCount == 26)
        #expect(offering.type == "Marketplace.Basic")
        #expect(offering.shared == true)
        #expect(offering.billable == true)
        #expect(offering.scope == nil)
        #expect(offering.files == [])
        #expect(offering.screenshots == [])
        #expect(offering.citationCount == -1)
        #expect(offering.latitude == nil)
        #expect(offering.country == "")
        #expect(offering.organizationGroups == [])
        #expect(offering.backendMetadata == .object([]))
        #expect(offering.googleCalendarIsPublic == nil)
        #expect(offering.promotionCampaigns == [])
        // Not sent by this server version.
        #expect(offering.partitions == nil)
        #expect(offering.softwareCatalogs == nil)
        #expect(offering.quotas == nil)

        let components = try #require(offering.components)
        #expect(components.count == 3)
        #expect(components.map(\.type) == ["cpu", "ram", "storage"])
        #expect(components.map(\.billingType) == ["limit", "limit", "usage"])
        #expect(components[0].uuid == "cb51ebd9c8db4fb3be4e567ef8baabc1")
        #expect(components[0].name == "CPU")
        #expect(components[0].measuredUnit == "cores")
        #expect(components[1].measuredUnit == "GB")
        #expect(components[0].limitPeriod == Optional<JSONValue>.none)
        #expect(components[0].limitAmount == nil)
        #expect(components[0].isBoolean == false)
        #expect(components[0].isBuiltin == false)
        #expect(offering.component(ofType: "storage")?.name == "Storage")

        let plans = try #require(offering.plans)
        #expect(plans.count == 2)
        let large = plans[0]
        #expect(large.name == "Large")
        #expect(large.uuid == "cefa53410222485b8695be94f1c86c53")
        #expect(large.unitPrice?.text == "0.0000000000")
        #expect(large.unitPrice?.wasNumber == false)
        #expect(large.unit == "month")
        #expect(large.initPrice?.text == "0")
        #expect(large.initPrice?.wasNumber == true)
        #expect(large.switchPrice?.value == 0)
        #expect(large.maxAmount == nil)
        #expect(large.archived == false)
        #expect(large.isActive == true)
        #expect(large.organizationGroups == [])
        #expect(large.components == nil)
        #expect(large.price(of: "cpu")?.text == "2.0")
        #expect(large.price(of: "ram")?.value == Decimal(string: "0.8"))
        #expect(large.price(of: "storage")?.text == "0.08")
        #expect(large.price(of: "gpu") == nil)
        #expect(large.futurePrice(of: "cpu") == nil)
        #expect(large.quota(of: "ram") == 1)
        #expect(large.resourcesCount == 5)
        #expect(large.planType == "mixed")
        #expect(large.minimalPrice?.text == "2.8")
        #expect(large.minimalPrice?.value == Decimal(string: "2.8"))
        let small = plans[1]
        #expect(small.name == "Small")
        #expect(small.price(of: "ram")?.text == "1.0")
        #expect(small.resourcesCount == 18)
        #expect(small.minimalPrice?.text == "3.5")
    }

    @Test("the recorded Marketplace.Slurm offering decodes with its components and plan")
    func recordedSlurmOffering() throws {
        let body = try offeringFixtureBody("order_offering_slurm.json")
        let offering = try Offering(json: body)

        #expect(offering.raw == body)
        #expect(offering.uuid == "91eea40fb28140e6adc5a668fc5b4b39")
        #expect(offering.name == "HPC Allocation")
        #expect(offering.type == "Marketplace.Slurm")
        #expect(offering.orderCount == 7)
        let components = try #require(offering.components)
        #expect(components.map(\.name) == ["CPU hours", "GPU hours", "RAM GB-hours"])
        #expect(components.map(\.measuredUnit) == ["hours", "hours", "GB-hours"])
        #expect(components[1].uuid == "797ea5bf0c3e46f9a99f768c429ff464")
        let plans = try #require(offering.plans)
        #expect(plans.count == 1)
        #expect(plans[0].name == "Default")
        #expect(plans[0].planType == "limit")
        #expect(plans[0].price(of: "cpu")?.text == "0.01")
        #expect(plans[0].price(of: "gpu")?.text == "0.5")
        #expect(plans[0].price(of: "ram")?.text == "0.001")
        #expect(plans[0].minimalPrice?.text == "0.511")
        #expect(plans[0].minimalPrice?.value == Decimal(string: "0.511"))
        #expect(plans[0].resourcesCount == 7)
    }

    @Test("a full offering from the reference's field table reads every nested list")
    func fullOffering() throws {
        let o = try decodeOffering(fullOfferingJSON)
        #expect(o.uuid == "0b6dbd3f0a2f4c7e9a6c1f3b2d4e5a61")
        #expect(o.created == WaldurDate.parse("2024-10-01T06:30:00.123456Z"))
        #expect(o.name == "Cluster \u{1B}[31mred")
        #expect(o.accessURL == "https://cluster.example.com/")
        #expect(o.fullDescription == "<p>Long</p>")
        #expect(o.projectUUID == "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0")
        #expect(o.projectName == "Provider project")
        #expect(o.attributes?["gpus"] == .number("4"))
        #expect(o.options?["order"] == ["name"])
        #expect(o.pluginOptions?["auto_approve_in_service_provider_projects"] == true)
        #expect(o.stateText == "Paused")
        #expect(o.vendorDetails == "Vendor")
        #expect(o.gettingStarted == "Read the docs")
        #expect(o.integrationGuide == "Guide")
        #expect(o.orderCount == 42)
        #expect(o.shared == false)
        #expect(o.scopeUUID == "11111111111111111111111111111111")
        #expect(o.scopeName == "cluster-north")
        #expect(o.scopeState == "OK")
        #expect(o.scopeErrorMessage == "")
        #expect(o.pausedReason == "Maintenance")
        #expect(o.dataciteDOI == "10.1234/abcd")
        #expect(o.citationCount == 7)
        #expect(o.latitude == 59.437)
        #expect(o.longitude == 24.7536)
        #expect(o.country == "EE")
        #expect(o.backendID == "cluster-north")
        #expect(o.image == "https://example.com/image.png")
        #expect(o.totalCustomers == 12)
        #expect(o.totalCost?.text == "1500")
        #expect(o.totalCostEstimated?.value == 1800)
        #expect(o.parentDescription == "Parent offering")
        #expect(o.parentUUID == "22222222222222222222222222222222")
        #expect(o.parentName == "Parent")
        #expect(o.backendMetadata?["nodes"] == [1, 2])
        #expect(o.hasComplianceRequirements == true)
        #expect(o.complianceChecklist == "https://waldur.example.com/api/checklists/33333333333333333333333333333333/")
        #expect(o.userHasConsent == false)
        #expect(o.googleCalendarIsPublic == true)
        #expect(o.googleCalendarLink == "https://calendar.google.com/calendar/embed?src=abc")
        #expect(o.raw["some_future_field"] == ["nested": true])

        let endpoints = try #require(o.endpoints)
        #expect(endpoints.count == 2)
        #expect(endpoints[0] == Offering.Endpoint(uuid: "e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1", name: "Login node", url: "ssh://login.example.com"))
        #expect(endpoints[1].name == "Portal")

        let catalogs = try #require(o.softwareCatalogs)
        #expect(catalogs.count == 1)
        #expect(catalogs[0].uuid == "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c")
        #expect(catalogs[0].catalog?.name == "EESSI")
        #expect(catalogs[0].catalog?.version == "2023.06")
        #expect(catalogs[0].catalog?.description == "European software stack")
        #expect(catalogs[0].catalog?.uuid == "ca7a1090000000000000000000000001")
        #expect(catalogs[0].enabledCPUFamily == ["x86_64", "aarch64"])
        #expect(catalogs[0].enabledCPUMicroarchitectures == ["generic", "zen3"])
        #expect(catalogs[0].packageCount == 1532)
        #expect(catalogs[0].partition?.partitionName == "gpu")
        #expect(catalogs[0].partition?.priorityTier == 2)
        #expect(catalogs[0].partition?.qos == "high")
        #expect(catalogs[0].partition?.uuid == "9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a")

        let partitions = try #require(o.partitions)
        #expect(partitions.count == 2)
        let gpu = partitions[0]
        #expect(gpu.partitionName == "gpu")
        #expect(gpu.cpuBind == 1)
        #expect(gpu.defCPUPerGPU == 8)
        #expect(gpu.maxCPUsPerNode == 128)
        #expect(gpu.maxCPUsPerSocket == 64)
        #expect(gpu.defMemPerCPU == 2048)
        #expect(gpu.defMemPerGPU == 65536)
        #expect(gpu.defMemPerNode == 524_288)
        #expect(gpu.maxMemPerCPU == 8192)
        #expect(gpu.maxMemPerNode == 1_048_576_000_000)
        #expect(gpu.defaultTime == 60)
        #expect(gpu.maxTime == 2880)
        #expect(gpu.graceTime == 300)
        #expect(gpu.maxNodes == 16)
        #expect(gpu.minNodes == 1)
        #expect(gpu.exclusiveTopo == true)
        #expect(gpu.exclusiveUser == false)
        #expect(gpu.priorityTier == 2)
        #expect(gpu.qos == "high")
        #expect(gpu.reqResv == false)
        #expect(partitions[1].partitionName == "cpu")
        #expect(partitions[1].maxTime == nil)
        #expect(partitions[1].qos == nil)

        let roles = try #require(o.roles)
        #expect(roles.map(\.name) == ["PI"])
        #expect(roles[0].url == "https://waldur.example.com/api/roles/7070707070707070707070707070aaaa/")

        let components = try #require(o.components)
        #expect(components.count == 2)
        let c = components[0]
        #expect(c.billingType == "usage")
        #expect(c.type == "gpu_hours")
        #expect(c.description == "Hours of one GPU")
        #expect(c.unitFactor == 60)
        #expect(c.limitPeriod == "month")
        #expect(c.limitAmount == 1000)
        #expect(c.articleCode == "ART-GPU")
        #expect(c.maxValue == 10000)
        #expect(c.minValue == 0)
        #expect(c.maxAvailableLimit == 5000)
        #expect(c.defaultLimit == 100)
        #expect(c.factor == 3)
        #expect(c.isPrepaid == true)
        #expect(c.overageComponent == "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2")
        #expect(c.minPrepaidDuration == 1)
        #expect(c.maxPrepaidDuration == 12)
        #expect(components[1].billingType == "subscription_v2")

        let plans = try #require(o.plans)
        #expect(plans.count == 2)
        let p = plans[0]
        #expect(p.unitPrice?.text == "123456789.123456")
        #expect(p.unitPrice?.value == Decimal(string: "123456789.123456"))
        #expect(p.unit == "quarter")
        #expect(p.initPrice?.text == "10.50")
        #expect(p.initPrice?.wasNumber == true)
        #expect(p.switchPrice?.text == "2.25")
        #expect(p.switchPrice?.wasNumber == false)
        #expect(p.minimalPrice?.text == "10.0000")
        #expect(p.articleCode == "ART-STD")
        #expect(p.maxAmount == 10)
        #expect(p.backendID == "plan-std")
        #expect(p.planType == "usage")
        #expect(p.resourcesCount == 3)
        let groups = try #require(p.organizationGroups)
        #expect(groups.count == 1)
        #expect(groups[0].name == "Universities")
        #expect(groups[0].parentUUID == "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b")
        #expect(groups[0].parentName == "Academia")
        #expect(groups[0].parent == "https://waldur.example.com/api/organization-groups/0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b/")
        #expect(groups[0].url == "https://waldur.example.com/api/organization-groups/0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a/")
        #expect(groups[0].customersCount == 17)
        let pcs = try #require(p.components)
        #expect(pcs.count == 2)
        #expect(pcs[0].type == "gpu_hours")
        #expect(pcs[0].measuredUnit == "hours")
        #expect(pcs[0].amount == 100)
        #expect(pcs[0].price?.text == "0.1000000000")
        #expect(pcs[0].futurePrice?.text == "0.12")
        #expect(pcs[0].discountThreshold == 500)
        #expect(pcs[0].discountRate == 15)
        #expect(pcs[1].price?.text == "0.3")
        #expect(pcs[1].price?.wasNumber == true)
        #expect(pcs[1].futurePrice == nil)
        #expect(p.price(of: "overage")?.text == "0.3000000000")
        #expect(p.futurePrice(of: "gpu_hours")?.text == "0.12")
        #expect(p.futurePrice(of: "overage") == nil)
        #expect(p.quota(of: "gpu_hours") == 100)
        #expect(plans[1].archived == true)
        #expect(plans[1].unit == "fortnight")
        #expect(plans[1].unitPrice?.text == "0")

        let shots = try #require(o.screenshots)
        #expect(shots.count == 1)
        #expect(shots[0].name == "Dashboard")
        #expect(shots[0].description == "Main view")
        #expect(shots[0].thumbnail == "https://example.com/shot-thumb.png")
        #expect(shots[0].created == WaldurDate.parse("2024-09-30T12:00:00Z"))

        let files = try #require(o.files)
        #expect(files.map(\.name) == ["Terms.pdf", "Guide.pdf"])
        #expect(files[1].file == "https://example.com/guide.pdf")
        #expect(files[1].created == WaldurDate.parse("2024-09-02T10:00:00.5Z"))

        #expect(o.quotas == [Offering.Quota(name: "resources", usage: 3, limit: -1)])
        #expect(o.organizationGroups?.first?.customersCount == 17)

        let campaigns = try #require(o.promotionCampaigns)
        #expect(campaigns.count == 2)
        #expect(campaigns[0].name == "Autumn")
        #expect(campaigns[0].startDate == "2024-09-01")
        #expect(campaigns[0].endDate == "2024-11-30")
        #expect(campaigns[0].discountType == "discount")
        #expect(campaigns[0].discount == 20)
        #expect(campaigns[0].stock == 50)
        #expect(campaigns[0].description == "Twenty percent off")
        #expect(campaigns[0].months == 3)
        #expect(campaigns[1].discountType == "special_price")
        #expect(campaigns[1].months == 0)
        #expect(campaigns[1].stock == nil)
    }

    @Test("every key of the reference's field table has a typed property")
    func everyReferenceKeyIsTyped() throws {
        let full = try JSONParser.parse(fullOfferingJSON)
        for key in Offering.wireKeys {
            let value = try #require(full[key], "the full fixture lacks \(key)")
            var decoded = try Offering(json: .object([(key, value)]))
            decoded.raw = .object([])
            #expect(decoded != Offering(), "\(key) is only kept in raw")
        }
    }

    @Test("null and missing members read as nil, unknown members are kept in raw")
    func nullAndMissing() throws {
        let o = try decodeOffering(#"{"uuid": null, "components": [{"limit_period": null}], "partitions": null, "latitude": null, "attributes": null, "state": null, "backend_metadata": null, "plans": [{"prices": null}], "x_new": [1]}"#)
        // Free-form members that are null read as absent, not as JSONValue.null.
        #expect(o.attributes == Optional<JSONValue>.none)
        #expect(o.state == Optional<JSONValue>.none)
        #expect(o.stateText == nil)
        #expect(o.backendMetadata == Optional<JSONValue>.none)
        #expect(o.components?.first?.limitPeriod == Optional<JSONValue>.none)
        #expect(o.plans?.first?.prices == Optional<JSONValue>.none)
        #expect(o.uuid == nil)
        #expect(o.components?.count == 1)
        #expect(o.partitions == nil)
        #expect(o.name == nil)
        #expect(o.raw["x_new"] == [1])
        let empty = try decodeOffering("{}")
        #expect(empty == Offering())
    }

    @Test("wrong types name the failing path", arguments: [
        (#"{"plans": [{"unit_price": "1.0"}, {"unit_price": "ten"}]}"#, "plans[1].unit_price"),
        (#"{"plans": [{"components": [{"price": "1"}, {"price": true}]}]}"#, "plans[0].components[1].price"),
        (#"{"plans": [{"minimal_price": [2.8]}]}"#, "plans[0].minimal_price"),
        (#"{"plans": [{"init_price": {}}]}"#, "plans[0].init_price"),
        (#"{"plans": [{"organization_groups": [{"customers_count": "many"}]}]}"#, "plans[0].organization_groups[0].customers_count"),
        (#"{"partitions": [{"partition_name": "a"}, {}, {"max_time": "forever"}]}"#, "partitions[2].max_time"),
        (#"{"software_catalogs": [{"catalog": {"name": {"en": "x"}}}]}"#, "software_catalogs[0].catalog.name"),
        (#"{"software_catalogs": [{"partition": "gpu"}]}"#, "software_catalogs[0].partition"),
        (#"{"endpoints": {"uuid": "x"}}"#, "endpoints"),
        (#"{"promotion_campaigns": ["autumn"]}"#, "promotion_campaigns[0]"),
        (#"{"components": [{"is_boolean": "maybe"}]}"#, "components[0].is_boolean"),
        (#"{"screenshots": [{"created": "yesterday"}]}"#, "screenshots[0].created"),
        (#"{"quotas": [{"limit": 1.5}]}"#, "quotas[0].limit"),
        (#"{"latitude": "north"}"#, "latitude"),
        (#"{"shared": "yes"}"#, "shared"),
        (#"{"total_cost": "lots"}"#, "total_cost"),
        (#"["not", "an", "object"]"#, ""),
    ])
    func errorPaths(body: String, path: String) throws {
        let error = try #require(try offeringErrorPath(body))
        #expect(error.path == path)
        #expect(!error.reason.isEmpty)
    }

    @Test("the reason says what was expected and what came")
    func errorReason() throws {
        let error = try #require(try offeringErrorPath(#"{"plans": [{}, {"unit_price": "ten"}]}"#))
        #expect(error.description == "plans[1].unit_price: expected a decimal amount, got \"ten\"")
        let nested = try #require(try offeringErrorPath(#"{"promotion_campaigns": [3]}"#))
        #expect(nested.reason == "expected a promotion campaign object, got a number")
    }
}

import Foundation
import WaldurClient

/// Renders an offering like `GET …/marketplace-orders/{uuid}/offering/` on the recorded server.
struct OfferingRenderer {
    let catalog: Catalog
    let origin: String
    /// Orders per offering, for `order_count`.
    let orderCount: Int

    func render(_ index: Int) -> JSONValue {
        let off = catalog.offerings[index]
        let provider = catalog.customers[off.provider]
        let base = "\(origin)/api/marketplace-public-offerings/\(off.uuid.hex)/"
        let components: [JSONValue] = off.components.map { c in
            .object([
                ("uuid", .string(c.uuid.hex)), ("billing_type", .string(c.billingType)), ("type", .string(c.type)),
                ("name", .string(c.name)), ("description", .string("")), ("measured_unit", .string(c.measuredUnit)),
                ("limit_period", .null), ("limit_amount", .null), ("article_code", .string("")), ("max_value", .null),
                ("min_value", .null), ("max_available_limit", .null), ("is_boolean", .bool(false)), ("default_limit", .null),
                ("factor", .null), ("is_builtin", .bool(false)),
            ])
        }
        let plans: [JSONValue] = off.plans.map { p in
            var minimal = Decimal(0)
            for ci in off.components.indices where off.components[ci].billingType != "usage" { minimal += MoneyText.decimal(p.prices[ci]) }
            return .object([
                ("url", .string("\(base)plans/\(p.uuid.hex)/")), ("uuid", .string(p.uuid.hex)), ("name", .string(p.name)),
                ("description", .string(p.description)), ("article_code", .string("")), ("max_amount", .null),
                ("archived", .bool(false)), ("is_active", .bool(true)), ("unit_price", .string("0.0000000000")),
                ("unit", .string(p.unit)), ("init_price", .number("0")), ("switch_price", .number("0")),
                ("backend_id", .string("")), ("organization_groups", .array([])),
                ("prices", .object(off.components.enumerated().map { ($0.element.type, .number(MoneyText.floatLiteral(MoneyText.decimal(p.prices[$0.offset])))) })),
                ("future_prices", .object(off.components.map { ($0.type, .null) })),
                ("quotas", .object(off.components.map { ($0.type, .number("1")) })),
                ("resources_count", .number("0")), ("plan_type", .string("mixed")),
                ("minimal_price", .number(MoneyText.floatLiteral(minimal))),
            ])
        }
        return .object([
            ("url", .string(base)), ("uuid", .string(off.uuid.hex)), ("created", .string(Timestamp.format(off.created))),
            ("name", .string(off.name)), ("slug", .string(off.slug)), ("description", .string(off.description)),
            ("full_description", .string("")), ("terms_of_service", .string("")), ("terms_of_service_link", .string("")),
            ("privacy_policy_link", .string("")), ("endpoints", .array([])), ("roles", .array([])),
            ("customer", .string("\(origin)/api/customers/\(provider.uuid.hex)/")), ("customer_uuid", .string(provider.uuid.hex)),
            ("customer_name", .string(provider.name)), ("project", .null),
            ("category", .string("\(origin)/api/marketplace-categories/\(off.categoryUUID.hex)/")),
            ("category_uuid", .string(off.categoryUUID.hex)), ("category_title", .string(off.categoryTitle)), ("rating", .null),
            ("attributes", .object([])), ("options", .object([])), ("resource_options", .object([])),
            ("components", .array(components)), ("plugin_options", .object([])), ("state", .string("Active")),
            ("native_name", .string("")), ("native_description", .string("")), ("vendor_details", .string("")),
            ("getting_started", .string("")), ("integration_guide", .string("")), ("thumbnail", .null),
            ("order_count", .number(String(orderCount))), ("plans", .array(plans)), ("screenshots", .array([])),
            ("type", .string(off.type)), ("shared", .bool(true)), ("billable", .bool(true)), ("scope", .null),
            ("files", .array([])), ("paused_reason", .string("")), ("datacite_doi", .string("")), ("citation_count", .number("-1")),
            ("latitude", .null), ("longitude", .null), ("country", .string("")), ("backend_id", .string("")),
            ("organization_groups", .array([])), ("image", .null), ("backend_metadata", .object([])),
            ("google_calendar_is_public", .null), ("google_calendar_link", .null), ("promotion_campaigns", .array([])),
        ])
    }
}

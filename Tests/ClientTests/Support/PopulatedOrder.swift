import WaldurClient

/// An order with every field of `Order.fields` set to a value of its own, its members in reverse wire order,
/// plus one member the reference does not name.
enum PopulatedOrder {
    static let text = """
        {
        "zz_unknown":{"kept":true},"issue":{"issue":[74,"x",null]},"backend_id":"backend_id #73",
        "termination_comment":"termination_comment #72","activation_price":"71.0071","fixed_price":70.570,
        "can_terminate":true,"new_cost_estimate":68.568,"old_cost_estimate":"67.0067",
        "new_plan_uuid":"ac9d57b2335481c66c6c53bd13659ad9","old_plan_uuid":"148ca958713a7ba6287b047b6520be7a",
        "new_plan_name":"new_plan_name #64","old_plan_name":"old_plan_name #63",
        "project_slug":"project_slug #62","project_description":"project_description #61",
        "project_uuid":"2701af6aa12d68c8a797dba8db8fd04b","project_name":"project_name #59",
        "project":"project #58","customer_slug":"customer_slug #57",
        "customer_uuid":"16d8a78a8f036a49fe5c57c636660ba5","customer_name":"customer_name #55",
        "provider_reviewed_at":"2026-07-27T06:54:18.000054Z",
        "provider_reviewed_by_username":"provider_reviewed_by_username #53",
        "provider_reviewed_by_full_name":"provider_reviewed_by_full_name #52",
        "provider_reviewed_by":"provider_reviewed_by #51","consumer_reviewed_at":"2026-03-23T02:50:50.000050Z",
        "consumer_reviewed_by_username":"consumer_reviewed_by_username #49",
        "consumer_reviewed_by_full_name":"consumer_reviewed_by_full_name #48",
        "consumer_reviewed_by":"consumer_reviewed_by #47",
        "created_by_civil_number":"created_by_civil_number #46",
        "created_by_full_name":"created_by_full_name #45","created_by_username":"created_by_username #44",
        "created_by":"created_by #43","url":"url #42","start_date":"start_date #41",
        "attachment":"attachment #40","request_comment":"request_comment #39",
        "completed_at":"2026-03-11T14:38:26.000038Z","callback_url":"callback_url #37",
        "error_traceback":"error_traceback #36","error_message":"error_message #35",
        "marketplace_resource_uuid":"0a68fe1f2b65284370afb58acd919ce5","output":"output #33",
        "state":"pending-provider","cost":"31.0031","resource_name":"resource_name #30",
        "resource_type":"resource_type #29","resource_uuid":"21da67505ed6a8b1ac5c387d66d3d724",
        "type":"Terminate","modified":"2026-03-27T02:26:02.000026Z","created":"2026-02-26T01:25:55.000025Z",
        "uuid":"ef7c876f00f3acddd00fa671f52d0b1f","limits":{"limits":[23,"x",null]},
        "attributes":{"attributes":[22,"x",null]},"plan_description":"plan_description #21",
        "plan_uuid":"ec106b3ce72f3f01d42114bdc42604bd","plan_name":"plan_name #19",
        "plan_unit":{"plan_unit":[18,"x",null]},"plan":"plan #17","category_icon":"category_icon #16",
        "category_uuid":"2b0c5e9d9c4b4ed1c3de6e77f8032e95","category_title":"category_title #14",
        "provider_slug":"provider_slug #13","provider_uuid":"51a07bbe3f4ae6c55fac3b478f3fa035",
        "provider_name":"provider_name #11","offering_plugin_options":{"offering_plugin_options":[10,"x",null]},
        "offering_billable":true,"offering_shared":false,
        "offering_terms_of_service":"offering_terms_of_service #7","offering_type":"offering_type #6",
        "offering_thumbnail":"offering_thumbnail #5","offering_image":"offering_image #4",
        "offering_description":"offering_description #3","offering_uuid":"506551301ba85950dd881fd32384ac1a",
        "offering_name":"offering_name #1","offering":"offering #0"}
        """
}

import Foundation
import Testing
import WaldurClient

/// The encoder's exact bytes, pinned from the hand-written encoder before the field tables replaced it.
@Suite struct EncoderOutputTests {
    @Test func fullOrderIsWrittenByteForByte() throws {
        let order = try Order(json: try JSONParser.parse(OrderDecodingTests.full))
        let expected =
            #"{"offering":"https://w.example/api/marketplace-public-offerings/a8f09ad675c347a0bb26e8c600f5301e/","#
            + #""offering_name":"Basic VM","offering_uuid":"a8f09ad6-75c3-47a0-bb26-e8c600f5301e","#
            + #""offering_description":"d","offering_image":"https://w.example/i.png","#
            + #""offering_thumbnail":"https://w.example/t.png","offering_type":"Marketplace.Slurm","#
            + #""offering_shared":true,"offering_billable":false,"offering_plugin_options":{"storage_mode":"fixed","#
            + #""nested":[1,2.50,{"x":null}]},"provider_name":"HPC Centre","#
            + #""provider_uuid":"B84138CE57804385A511D889A164A26E","provider_slug":"hpc","category_title":"HPC","#
            + #""category_uuid":"b99c016b3781427897c8b65537c82fc6","plan":"https://w.example/api/plans/1/","#
            + #""plan_unit":"month","plan_name":"Gold","plan_uuid":"67303280bc88411f99555a469f95f1e8","#
            + #""plan_description":"Gold plan","attributes":{"name":"alloc","cpu_hours":1e3},"limits":{"cpu":100,"#
            + #""gpu":0.5},"uuid":"3e86299f5a304e45bd31367e5406cc68","created":"2026-11-26T09:15:02.123456Z","#
            + #""modified":"2026-11-26T09:15:02.000000Z","type":"Update","#
            + #""resource_uuid":"fc919f1987494b5e9a33444bb1338954","resource_type":"SLURM.Allocation","#
            + #""resource_name":"alloc","cost":"123456789.123456","state":"erred","output":"ok","#
            + #""marketplace_resource_uuid":"fc919f1987494b5e9a33444bb1338954","error_message":"Quota exceeded","#
            + #""error_traceback":"Traceback (most recent call last):\n  File \"x.py\"\nError","#
            + #""callback_url":"https://cb.example/","completed_at":"2026-11-27T00:00:00.000000Z","#
            + #""request_comment":"please","attachment":"https://w.example/a.pdf","start_date":"2026-12-01","#
            + #""url":"https://w.example/api/marketplace-orders/3e86299f5a304e45bd31367e5406cc68/","#
            + #""created_by_username":"carol","created_by_full_name":"Carol Consumer","#
            + #""consumer_reviewed_by":"carol","consumer_reviewed_by_full_name":"Carol Consumer","#
            + #""consumer_reviewed_by_username":"carol","consumer_reviewed_at":"2026-11-26T09:16:02.000000Z","#
            + #""provider_reviewed_by":"peter","provider_reviewed_by_full_name":"Peter Provider","#
            + #""provider_reviewed_by_username":"peter","provider_reviewed_at":"2026-11-26T09:17:02.500000Z","#
            + #""customer_name":"Org A","customer_uuid":"c743c3c41e9449f9bf801802ee7ae13d","customer_slug":"org-a","#
            + #""project_name":"Proj","project_uuid":"8cd362edd5be4a5ea4733e3b95698bff","project_description":"","#
            + #""project_slug":"proj","old_plan_name":"Silver","new_plan_name":"Gold","#
            + #""old_plan_uuid":"cefa53410222485b8695be94f1c86c53","#
            + #""new_plan_uuid":"67303280bc88411f99555a469f95f1e8","old_cost_estimate":"10.50","#
            + #""new_cost_estimate":12.25,"can_terminate":true,"fixed_price":0.1,"activation_price":"5","#
            + #""termination_comment":"bye","backend_id":"job-1","issue":{"key":"SD-1","uuid":"aa"},"#
            + #""future_field":[true]}"#
        #expect(JSONWriter.string(order.json) == expected)
    }

    @Test func unsetFieldsAreLeftOutAndUnknownMembersComeLastByName() throws {
        let text = #"{"zeta":1,"state":"executing","uuid":"AB-CD","cost":7.50,"alpha":null,"created":"2026-01-02T03:04:05+01:00"}"#
        let order = try Order(json: try JSONParser.parse(text))
        #expect(JSONWriter.string(order.json) == #"{"uuid":"AB-CD","created":"2026-01-02T02:04:05.000000Z","cost":7.50,"state":"executing","alpha":null,"zeta":1}"#)
    }

    /// Every field set, sent in reverse order: written back in the server's order, the unknown member last.
    @Test func everyFieldIsWrittenInWireOrder() throws {
        let order = try Order(json: try JSONParser.parse(PopulatedOrder.text))
        let expected =
            #"{"offering":"offering #0","offering_name":"offering_name #1","#
            + #""offering_uuid":"506551301ba85950dd881fd32384ac1a","offering_description":"offering_description #3","#
            + #""offering_image":"offering_image #4","offering_thumbnail":"offering_thumbnail #5","#
            + #""offering_type":"offering_type #6","offering_terms_of_service":"offering_terms_of_service #7","#
            + #""offering_shared":false,"offering_billable":true,"#
            + #""offering_plugin_options":{"offering_plugin_options":[10,"x",null]},"#
            + #""provider_name":"provider_name #11","provider_uuid":"51a07bbe3f4ae6c55fac3b478f3fa035","#
            + #""provider_slug":"provider_slug #13","category_title":"category_title #14","#
            + #""category_uuid":"2b0c5e9d9c4b4ed1c3de6e77f8032e95","category_icon":"category_icon #16","#
            + #""plan":"plan #17","plan_unit":{"plan_unit":[18,"x",null]},"plan_name":"plan_name #19","#
            + #""plan_uuid":"ec106b3ce72f3f01d42114bdc42604bd","plan_description":"plan_description #21","#
            + #""attributes":{"attributes":[22,"x",null]},"limits":{"limits":[23,"x",null]},"#
            + #""uuid":"ef7c876f00f3acddd00fa671f52d0b1f","created":"2026-02-26T01:25:55.000025Z","#
            + #""modified":"2026-03-27T02:26:02.000026Z","type":"Terminate","#
            + #""resource_uuid":"21da67505ed6a8b1ac5c387d66d3d724","resource_type":"resource_type #29","#
            + #""resource_name":"resource_name #30","cost":"31.0031","state":"pending-provider","#
            + #""output":"output #33","marketplace_resource_uuid":"0a68fe1f2b65284370afb58acd919ce5","#
            + #""error_message":"error_message #35","error_traceback":"error_traceback #36","#
            + #""callback_url":"callback_url #37","completed_at":"2026-03-11T14:38:26.000038Z","#
            + #""request_comment":"request_comment #39","attachment":"attachment #40","start_date":"start_date #41","#
            + #""url":"url #42","created_by":"created_by #43","created_by_username":"created_by_username #44","#
            + #""created_by_full_name":"created_by_full_name #45","#
            + #""created_by_civil_number":"created_by_civil_number #46","#
            + #""consumer_reviewed_by":"consumer_reviewed_by #47","#
            + #""consumer_reviewed_by_full_name":"consumer_reviewed_by_full_name #48","#
            + #""consumer_reviewed_by_username":"consumer_reviewed_by_username #49","#
            + #""consumer_reviewed_at":"2026-03-23T02:50:50.000050Z","#
            + #""provider_reviewed_by":"provider_reviewed_by #51","#
            + #""provider_reviewed_by_full_name":"provider_reviewed_by_full_name #52","#
            + #""provider_reviewed_by_username":"provider_reviewed_by_username #53","#
            + #""provider_reviewed_at":"2026-07-27T06:54:18.000054Z","customer_name":"customer_name #55","#
            + #""customer_uuid":"16d8a78a8f036a49fe5c57c636660ba5","customer_slug":"customer_slug #57","#
            + #""project":"project #58","project_name":"project_name #59","#
            + #""project_uuid":"2701af6aa12d68c8a797dba8db8fd04b","project_description":"project_description #61","#
            + #""project_slug":"project_slug #62","old_plan_name":"old_plan_name #63","#
            + #""new_plan_name":"new_plan_name #64","old_plan_uuid":"148ca958713a7ba6287b047b6520be7a","#
            + #""new_plan_uuid":"ac9d57b2335481c66c6c53bd13659ad9","old_cost_estimate":"67.0067","#
            + #""new_cost_estimate":68.568,"can_terminate":true,"fixed_price":70.570,"activation_price":"71.0071","#
            + #""termination_comment":"termination_comment #72","backend_id":"backend_id #73","issue":{"issue":[74,"#
            + #""x",null]},"zz_unknown":{"kept":true}}"#
        #expect(JSONWriter.string(order.json) == expected)
    }
}

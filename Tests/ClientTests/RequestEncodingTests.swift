import Foundation
import Testing
@testable import WaldurClient

/// Every request the client sends, compared exactly.
@Suite struct RequestEncodingTests {
    @Test func everyListFilterEncodesInOrder() throws {
        var q = OrderListQuery()
        q.canApproveAsConsumer = true
        q.canApproveAsProvider = false
        q.categoryUUID = "B99C016B-3781-4278-97C8-B65537C82FC6"
        q.created = WaldurDate.parse("2026-11-01T00:00:00Z")
        q.customerUUID = "c743c3c41e9449f9bf801802ee7ae13d"
        q.fields = ["uuid", "state"]
        q.modified = WaldurDate.parse("2026-11-26T10:00:00.5+01:00")
        q.ordering = ["-created", "cost"]
        q.offering = "https://w/api/offerings/1/"
        q.offeringSlug = ["basic-vm", "hpc"]
        q.offeringType = ["Marketplace.Basic", "Marketplace.Slurm"]
        q.offeringUUID = "a8f09ad675c347a0bb26e8c600f5301e"
        q.page = 3
        q.pageSize = 50
        q.parentOfferingUUID = "11111111111111111111111111111111"
        q.projectUUID = "8cd362edd5be4a5ea4733e3b95698bff"
        q.providerUUID = "b84138ce57804385a511d889a164a26e"
        q.query = "vm & co"
        q.resource = "https://w/api/resources/1/"
        q.resourceUUID = "22222222222222222222222222222222"
        q.serviceManagerUUID = "33333333333333333333333333333333"
        q.state = [.erred, .executing, .unknown("new-state")]
        q.type = [.update, .terminate]
        #expect(q.queryString == [
            "can_approve_as_consumer=true", "can_approve_as_provider=false", "category_uuid=b99c016b3781427897c8b65537c82fc6",
            "created=2026-11-01T00%3A00%3A00.000000Z", "customer_uuid=c743c3c41e9449f9bf801802ee7ae13d", "field=uuid", "field=state",
            "modified=2026-11-26T09%3A00%3A00.500000Z", "o=-created", "o=cost", "offering=https%3A%2F%2Fw%2Fapi%2Fofferings%2F1%2F",
            "offering_slug=basic-vm%2Chpc", "offering_type=Marketplace.Basic", "offering_type=Marketplace.Slurm",
            "offering_uuid=a8f09ad675c347a0bb26e8c600f5301e", "page=3", "page_size=50", "parent_offering_uuid=11111111111111111111111111111111",
            "project_uuid=8cd362edd5be4a5ea4733e3b95698bff", "provider_uuid=b84138ce57804385a511d889a164a26e", "query=vm%20%26%20co",
            "resource=https%3A%2F%2Fw%2Fapi%2Fresources%2F1%2F", "resource_uuid=22222222222222222222222222222222",
            "service_manager_uuid=33333333333333333333333333333333", "state=erred", "state=executing", "state=new-state", "type=Update", "type=Terminate",
        ].joined(separator: "&"))
        #expect(OrderListQuery().queryString == "")
    }

    @Test func listAndRetrieveURLs() async throws {
        let transport = RecordingTransport { _ in HTTPResponse(status: 200, body: Array(#"{"uuid":"aa"}"#.utf8)) }
        let client = WaldurClient.testing(transport)
        _ = try await client.retrieve("42781382-85d7-4be2-96b3-75f7095bbd01", fields: ["uuid", "state"])
        let listTransport = RecordingTransport()
        var q = OrderListQuery()
        q.state = [.pendingConsumer]
        _ = try await WaldurClient.testing(listTransport).listPage(q)
        #expect(transport.requests.map(\.url.absoluteString) == ["https://waldur.example/api/marketplace-orders/4278138285d74be296b375f7095bbd01/?field=uuid&field=state"])
        #expect(listTransport.requests.map(\.url.absoluteString) == ["https://waldur.example/api/marketplace-orders/?state=pending-consumer"])
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.header("Authorization") == "Token t0ken")
        #expect(request.header("Accept") == "application/json")
        #expect(request.body == nil)
    }

    @Test func everyActionHitsItsEndpointWithItsBody() async throws {
        let transport = RecordingTransport { _ in HTTPResponse(status: 200) }
        let client = WaldurClient.testing(transport)
        let id: WaldurUUID = "3e86299f5a304e45bd31367e5406cc68"
        try await client.approveByConsumer(id)
        try await client.approveByProvider(id)
        try await client.approveByProvider(id, attributes: ["cpu": 4])
        try await client.rejectByConsumer(id)
        try await client.rejectByProvider(id)
        try await client.rejectByProvider(id, comment: "no budget")
        try await client.cancel(id)
        try await client.setStateDone(id)
        try await client.setStateErred(id, errorMessage: "boom", errorTraceback: "tb\nline")
        try await client.setStateExecuting(id)
        try await client.setBackendID(id, backendID: "vm-123")
        try await client.unlink(id)
        try await client.delete(id)
        try await client.deleteAttachment(id)
        let base = "https://waldur.example/api/marketplace-orders/3e86299f5a304e45bd31367e5406cc68/"
        let seen = transport.requests.map { "\($0.method) \($0.url.absoluteString.replacingOccurrences(of: base, with: "")) \($0.body.map { String(decoding: $0, as: UTF8.self) } ?? "-")" }
        #expect(seen == [
            "POST approve_by_consumer/ -",
            "POST approve_by_provider/ -",
            #"POST approve_by_provider/ {"attributes":{"cpu":4}}"#,
            "POST reject_by_consumer/ -",
            "POST reject_by_provider/ -",
            #"POST reject_by_provider/ {"provider_rejection_comment":"no budget"}"#,
            "POST cancel/ -",
            "POST set_state_done/ -",
            #"POST set_state_erred/ {"error_message":"boom","error_traceback":"tb\nline"}"#,
            "POST set_state_executing/ -",
            #"POST set_backend_id/ {"backend_id":"vm-123"}"#,
            "POST unlink/ -",
            "DELETE  -",
            "POST delete_attachment/ -",
        ])
        #expect(transport.requests.filter { $0.body != nil }.allSatisfy { $0.header("Content-Type") == "application/json" })
    }

    @Test func createSendsHyperlinks() async throws {
        let answer = try #require(try Fixtures.exchange("create_order_201.json")["body"])
        let transport = RecordingTransport { _ in HTTPResponse(status: 201, body: JSONWriter.bytes(answer)) }
        let request = OrderCreateRequest(offering: "https://w/api/marketplace-public-offerings/a8/", project: "https://w/api/projects/8c/",
                                         plan: "https://w/api/plans/67/", attributes: ["name": "x"], limits: ["cpu": 1],
                                         requestComment: "pls", startDate: "2026-12-01")
        let order = try await WaldurClient.testing(transport).create(request)
        #expect(order.state == .pendingProvider)
        let sent = try #require(transport.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.url.absoluteString == "https://waldur.example/api/marketplace-orders/")
        #expect(sent.body.map { String(decoding: $0, as: UTF8.self) } ==
            #"{"offering":"https://w/api/marketplace-public-offerings/a8/","plan":"https://w/api/plans/67/","attributes":{"name":"x"},"limits":{"cpu":1},"request_comment":"pls","start_date":"2026-12-01","project":"https://w/api/projects/8c/"}"#)
    }

    @Test func attachmentIsARealMultipartUpload() async throws {
        let transport = RecordingTransport { _ in HTTPResponse(status: 200, body: Array(#"{"attachment":"https://w/media/a.pdf"}"#.utf8)) }
        let url = try await WaldurClient.testing(transport).updateAttachment("aa", filename: "quote \"v2\".pdf", contentType: "application/pdf",
                                                                              data: [0x25, 0x50, 0x44, 0x46, 0x00, 0x0D, 0x0A, 0xFF], boundary: "BOUNDARY")
        #expect(url == "https://w/media/a.pdf")
        let sent = try #require(transport.requests.first)
        #expect(sent.url.absoluteString == "https://waldur.example/api/marketplace-orders/aa/update_attachment/")
        #expect(sent.header("Content-Type") == "multipart/form-data; boundary=BOUNDARY")
        let expected: [UInt8] = Array("--BOUNDARY\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"quote %22v2%22.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            + [0x25, 0x50, 0x44, 0x46, 0x00, 0x0D, 0x0A, 0xFF] + Array("\r\n--BOUNDARY--\r\n".utf8)
        #expect(sent.body == expected)
    }

    @Test func personalAccessTokensTravelAsBearer() async throws {
        let transport = RecordingTransport()
        _ = try await WaldurClient.testing(transport, token: "w_1732600000_abc").listPage(OrderListQuery())
        _ = try await WaldurClient.testing(transport, token: nil).listPage(OrderListQuery())
        #expect(transport.requests.map { $0.header("Authorization") } == ["Bearer w_1732600000_abc", nil])
    }

    @Test func apiRootIsNormalised() throws {
        for text in ["https://w.example", "https://w.example/", "https://w.example/api", "https://w.example/api/", " https://w.example/api// "] {
            #expect(try ClientConfiguration.normalizeAPIRoot(text).absoluteString == "https://w.example/api/")
        }
        #expect(try ClientConfiguration.normalizeAPIRoot("https://w.example:8443/waldur/api").absoluteString == "https://w.example:8443/waldur/api/")
        #expect(try ClientConfiguration.normalizeAPIRoot("http://127.0.0.1:8000").absoluteString == "http://127.0.0.1:8000/api/")
        #expect(try ClientConfiguration.normalizeAPIRoot("http://localhost/api/").absoluteString == "http://localhost/api/")
        #expect(throws: WaldurError.self) { try ClientConfiguration.normalizeAPIRoot("http://w.example/api/") }
        #expect(try ClientConfiguration.normalizeAPIRoot("http://w.example/api/", allowInsecure: true).absoluteString == "http://w.example/api/")
        #expect(throws: WaldurError.self) { try ClientConfiguration.normalizeAPIRoot("ftp://w.example/") }
        #expect(throws: WaldurError.self) { try ClientConfiguration.normalizeAPIRoot("not a url") }
    }
}

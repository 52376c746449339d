import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

/// `GET /api/users/me/`: the client learns the staff flag and username from it.
@Suite struct CurrentUserTests {
    @Test func eachTokenKnowsItsUser() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        for user in h.sandbox.users {
            let me = try await h.client(user.role).currentUser()
            #expect(me.username == user.username)
            #expect(me.fullName == user.fullName)
            #expect(me.isStaff == (user.role == "staff"))
        }
        let anonymous = try await h.raw("GET", "users/me/", role: nil)
        #expect(anonymous.status == 401)
        let post = try await h.raw("POST", "users/me/")
        #expect(post.status == 405)
        await h.stop()
    }

    @Test func decodesWhatRealServersSend() throws {
        let me = try CurrentUser(json: try JSONParser.parse(#"{"uuid":"aa","username":"alice","full_name":"Alice A","is_staff":false,"is_support":true,"email":"a@x"}"#))
        #expect(me == CurrentUser(username: "alice", fullName: "Alice A", isStaff: false, isSupport: true))
        #expect(throws: JSONDecodingError(path: "username", reason: "missing username")) { try CurrentUser(json: ["is_staff": true]) }
    }
}

import Foundation
import HTTPTypes
import Hummingbird

import WaldurClient

/// The Hummingbird responder: reads the body within the size limit, applies faults, asks the store.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: SandboxStore
    let maxBodyBytes: Int
    let defaultOrigin: String

    func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method.rawValue
        let path = request.uri.path
        let route = Route(method: method, path: path)

        var body: [UInt8] = []
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            return Self.response(.detail(413, "Request body is too large.", allow: nil), head: method == "HEAD")
        }
        do {
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            body = Array(buffer.readableBytesView)
        } catch {
            return Self.response(.detail(413, "Request body is too large.", allow: nil), head: method == "HEAD")
        }

        let decision = await store.admit(route)
        if decision.latencyMilliseconds > 0 {
            try? await Task.sleep(nanoseconds: UInt64(decision.latencyMilliseconds) * 1_000_000)
        }
        if decision.stall {
            // Never answer; ends when the client gives up or the sandbox stops.
            while !Task.isCancelled, await !store.stopping { try? await Task.sleep(nanoseconds: 100_000_000) }
            throw CancellationError()
        }
        if decision.drop {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: 4096) { _ in throw DroppedConnection() })
        }
        if let status = decision.errorStatus {
            return Self.response(FaultDecision.errorAnswer(status), head: method == "HEAD")
        }

        let host = request.head.authority
        let origin = host.map { "http://" + $0 } ?? defaultOrigin
        let req = SandboxRequest(method: method, path: path, query: request.uri.query ?? "",
                                 authorization: request.headers[.authorization], contentType: request.headers[.contentType],
                                 origin: origin, body: body)
        let answer = decision.mangled(await store.handle(req))
        return Self.response(answer, head: method == "HEAD")
    }

    static func response(_ answer: HTTPAnswer, head: Bool) -> Response {
        var headers = HTTPFields()
        for (k, v) in answer.headers {
            if let name = HTTPField.Name(k) { headers.append(HTTPField(name: name, value: v)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if head || answer.body.isEmpty {
            if head { headers[.contentLength] = String(answer.body.count) }
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// Thrown mid-body to cut the connection (the `drop` fault).
struct DroppedConnection: Error {}

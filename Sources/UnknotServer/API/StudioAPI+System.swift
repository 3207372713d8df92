import Foundation
import OpenAPIRuntime

extension StudioAPI {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        let kind = studio.database.storage.kind
        if await studio.database.isHealthy() {
            return .ok(.init(body: .json(.init(status: .ok, database: kind))))
        }
        return .serviceUnavailable(.init(body: .json(.init(status: .unavailable, database: kind))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        try metricsAccess.check(token: RequestCaller.token, caller: RequestCaller.current)
        return .ok(.init(body: .plainText(HTTPBody(metrics.exposition()))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws
        -> Operations.GetOpenAPIDocument.Output
    {
        .ok(.init(body: .yaml(HTTPBody(try OpenAPIDocument.text()))))
    }
}

/// The contract this server implements, as shipped with it.
enum OpenAPIDocument {
    static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

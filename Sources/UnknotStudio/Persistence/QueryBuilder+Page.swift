import FluentKit

extension QueryBuilder {
    /// At most `limit` rows after the first `offset`, in the query's order, and whether more
    /// follow (one row more is read to tell, never counted).
    func page(limit: Int, offset: Int = 0) async throws -> (rows: [Model], more: Bool) {
        let rows = try await range(offset..<(offset + limit + 1)).all()
        return (Array(rows.prefix(limit)), rows.count > limit)
    }
}

/// The `meta` of a list response: which slice of how many results this page is.
public struct PageMeta: Codable, Hashable, Sendable {
    /// Zero-based index of the page's first item in the whole result.
    public var offset: Int
    public var limit: Int
    public var totalCount: Int

    public init(offset: Int, limit: Int, totalCount: Int) {
        self.offset = offset
        self.limit = limit
        self.totalCount = totalCount
    }
}

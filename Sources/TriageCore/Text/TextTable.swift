/// A plain-text table whose columns line up by display width, for the `list` command.
public struct TextTable: Sendable {
    /// One column: its heading, the most columns it may take, and its alignment.
    public struct Column: Sendable {
        public var title: String
        public var maxWidth: Int
        public var alignRight: Bool

        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var separator: String

    public init(columns: [Column], separator: String = "  ") {
        self.columns = columns
        self.separator = separator
    }

    /// The heading line and one line per row; cells are sanitised, cut with `…` at the column's
    /// maximum, and padded to the widest cell of their column. Trailing spaces are trimmed.
    public func render(_ rows: [[String]]) -> [String] {
        let cleanRows = rows.map { row in row.map { UntrustedText.sanitize($0) } }
        let widths = columns.indices.map { index in
            min(columns[index].maxWidth,
                cleanRows.reduce(DisplayWidth.of(columns[index].title)) { max($0, DisplayWidth.of($1[safe: index] ?? "")) })
        }
        func line(_ cells: [String]) -> String {
            let text = columns.indices.map { index in
                DisplayWidth.fit(cells[safe: index] ?? "", to: widths[index], alignRight: columns[index].alignRight)
            }.joined(separator: separator)
            return String(text.reversed().drop(while: { $0 == " " }).reversed())
        }
        return [line(columns.map(\.title))] + cleanRows.map(line)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

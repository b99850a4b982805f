/// A frame as a grid of styled cells: what `render` produces and the terminal layer copies out.
/// Plain values, so every screen can be compared as text in tests.
public struct Screen: Equatable, Sendable {
    /// One terminal cell. A wide character occupies its cell and marks the next as a continuation.
    public struct Cell: Hashable, Sendable {
        /// One grapheme cluster, or "" for the right half of a wide character.
        public var text: String
        public var style: Style

        public static let blank = Cell(text: " ", style: .normal)
        public var isContinuation: Bool { text.isEmpty }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (`row`, `column`), at most `limit` columns (default: to the right edge),
    /// never splitting a wide character (a blank fills the half cell). Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let end = min(width, column + max(0, limit ?? width))
        var position = column
        if DisplayWidth.isPrintableASCII(text) {
            // One byte, one cell: no grapheme breaking needed (most of every frame).
            for byte in text.utf8 where position < end {
                set(row, position, Cell(text: Self.asciiCells[Int(byte)], style: style))
                position += 1
            }
            return position - column
        }
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if position + columns > end {
                if position < end { set(row, position, Cell(text: " ", style: style)); position += 1 }
                break
            }
            set(row, position, Cell(text: String(character), style: style))
            if columns == 2 { set(row, position + 1, Cell(text: "", style: style)) }
            position += columns
        }
        return position - column
    }

    /// The texts of the printable ASCII characters, made once.
    private static let asciiCells: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Fills `count` columns from (`row`, `column`) with spaces in `style`.
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        let end = min(width, column + (count ?? width))
        for position in max(0, column)..<max(max(0, column), end) { set(row, position, Cell(text: " ", style: style)) }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * width + column
        // Overwriting half of a wide character blanks its other half.
        if cells[index].isContinuation, column > 0 { cells[index - 1] = Cell(text: " ", style: cells[index - 1].style) }
        if !cells[index].isContinuation, DisplayWidth.of(cells[index].text) == 2, column + 1 < width, !cell.text.isEmpty {
            cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Row `row` as text, continuation cells skipped, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<width { text += self[row, column].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row: what snapshots compare.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}

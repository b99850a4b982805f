/// A frame as a grid of styled cells: what `render` produces and the terminal layer copies out.
/// Plain values, so every screen can be compared as text in tests.
///
/// A cell is 8 bytes with no reference to count: the character's Unicode scalar and its style.
/// The rare character made of several scalars (a letter with a combining mark, a flag) is kept
/// in a side table that the cell points into. Rendering and copying a 120x40 frame then moves
/// 38 KB of plain integers instead of 4,800 strings.
public struct Screen: Sendable {
    /// One terminal cell. A wide character occupies its cell and marks the next as a continuation.
    public struct Cell: Hashable, Sendable {
        /// The scalar value (bits 0–20), or the index of a cluster in the screen's side table
        /// (with `clusterFlag`); `wideFlag` marks the left half of a two-column character, and 0
        /// is the right half.
        fileprivate var code: UInt32
        public var style: Style

        fileprivate static let clusterFlag: UInt32 = 1 << 31
        fileprivate static let wideFlag: UInt32 = 1 << 30
        fileprivate static let valueMask: UInt32 = (1 << 30) - 1

        public static let blank = Cell(code: 0x20, style: .normal)

        /// The right half of a wide character: the terminal draws nothing there.
        public var isContinuation: Bool { code == 0 }
        fileprivate var isWide: Bool { code & Self.wideFlag != 0 }
        fileprivate var isCluster: Bool { code & Self.clusterFlag != 0 }
        fileprivate var clusterIndex: Int { Int(code & Self.valueMask) }

        /// The character when it is a single scalar (most cells); `nil` for a continuation or a
        /// character of several scalars (read those with `Screen.text(row:column:)`).
        public var scalar: Unicode.Scalar? {
            isContinuation || isCluster ? nil : Unicode.Scalar(code & Self.valueMask)
        }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The characters of several scalars, which cluster cells point into.
    private var clusters: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// The text of one cell: one character, or "" for the right half of a wide character.
    public func text(row: Int, column: Int) -> String {
        text(of: self[row, column])
    }

    /// The text of a cell of this screen.
    public func text(of cell: Cell) -> String {
        if cell.isContinuation { return "" }
        if cell.isCluster { return clusters[cell.clusterIndex] }
        return String(Character(Unicode.Scalar(cell.code & Cell.valueMask)!))
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
                set(row, position, Cell(code: UInt32(byte), style: style))
                position += 1
            }
            return position - column
        }
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if position + columns > end {
                if position < end { set(row, position, Cell(code: 0x20, style: style)); position += 1 }
                break
            }
            set(row, position, cell(for: character, wide: columns == 2, style: style))
            if columns == 2 { set(row, position + 1, Cell(code: 0, style: style)) }
            position += columns
        }
        return position - column
    }

    private mutating func cell(for character: Character, wide: Bool, style: Style) -> Cell {
        let scalars = character.unicodeScalars
        var code: UInt32
        if scalars.count == 1, let scalar = scalars.first {
            code = scalar.value
        } else {
            code = Cell.clusterFlag | UInt32(clusters.count)
            clusters.append(String(character))
        }
        if wide { code |= Cell.wideFlag }
        return Cell(code: code, style: style)
    }

    /// Fills `count` columns from (`row`, `column`) with spaces in `style`.
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        let end = min(width, column + (count ?? width))
        for position in max(0, column)..<max(max(0, column), end) { set(row, position, Cell(code: 0x20, style: style)) }
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        let index = row * width + column
        let old = cells[index]
        // Overwriting half of a wide character blanks its other half.
        if old.isContinuation, column > 0 { cells[index - 1] = Cell(code: 0x20, style: cells[index - 1].style) }
        if old.isWide, column + 1 < width, !cell.isContinuation {
            cells[index + 1] = Cell(code: 0x20, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Whether row `row` looks the same here and in `other` (a screen of the same width): the
    /// terminal layer copies only the rows that do not.
    public func row(_ row: Int, equals other: Screen) -> Bool {
        let range = (row * width)..<((row + 1) * width)
        return other.width == width && range.upperBound <= other.cells.count
            && range.allSatisfy { sameCell(cells[$0], other, other.cells[$0]) }
    }

    private func sameCell(_ cell: Cell, _ other: Screen, _ otherCell: Cell) -> Bool {
        guard cell.isCluster, otherCell.isCluster else { return cell == otherCell }
        // Cluster cells match by their text, wherever each screen keeps it.
        return cell.style == otherCell.style && cell.isWide == otherCell.isWide
            && clusters[cell.clusterIndex] == other.clusters[otherCell.clusterIndex]
    }

    /// Row `row` as text, continuation cells skipped, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<width { text += self.text(row: row, column: column) }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row: what snapshots compare.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}

extension Screen: Equatable {
    public static func == (left: Screen, right: Screen) -> Bool {
        left.width == right.width && left.height == right.height && (0..<left.height).allSatisfy { left.row($0, equals: right) }
    }
}

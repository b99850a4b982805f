/// Where everything goes for a terminal size: a title row, the panes, a message row for banners
/// and confirmations, and a row of key hints. From 110 columns the list and the detail sit side
/// by side; below, one of them fills the body and Enter/Esc switch between them.
public struct Layout: Equatable, Sendable {
    /// A rectangle of the screen.
    public struct Frame: Equatable, Sendable {
        public var row: Int
        public var column: Int
        public var width: Int
        public var height: Int
    }

    public static let minimumSize = Size(width: 60, height: 15)
    public static let sideBySideWidth = 110

    public let size: Size
    public let isTooSmall: Bool
    public let isSideBySide: Bool
    /// The list pane (header row included), or nil when the detail fills the body.
    public let list: Frame?
    /// The detail pane, or nil when the list fills the body.
    public let detail: Frame?
    public var titleRow: Int { 0 }
    public var messageRow: Int { size.height - 2 }
    public var statusRow: Int { size.height - 1 }

    public init(size: Size, focus: Focus) {
        self.size = size
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        isSideBySide = size.width >= Self.sideBySideWidth
        let bodyHeight = max(0, size.height - 3)
        if isSideBySide {
            let listWidth = min(max(size.width * 58 / 100, 56), 90)
            list = Frame(row: 1, column: 0, width: listWidth, height: bodyHeight)
            detail = Frame(row: 1, column: listWidth + 1, width: size.width - listWidth - 1, height: bodyHeight)
        } else if focus == .list {
            list = Frame(row: 1, column: 0, width: size.width, height: bodyHeight)
            detail = nil
        } else {
            list = nil
            detail = Frame(row: 1, column: 0, width: size.width, height: bodyHeight)
        }
    }

    /// How many appointment rows the list shows (its header row excluded).
    public var listRows: Int { max(1, (list?.height ?? (size.height - 3)) - 1) }

    /// How many content lines the detail shows (below its tab row and its summary row).
    public var detailRows: Int { max(1, (detail?.height ?? (size.height - 3)) - 2) }

    /// The width the detail's content is wrapped to.
    public var detailWidth: Int {
        max(10, detail?.width ?? (isSideBySide ? size.width / 2 : size.width))
    }
}

/// Which pane the movement keys act on.
public enum Focus: Sendable, Equatable {
    case list, detail
}

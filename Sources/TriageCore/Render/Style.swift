/// What a cell means, not how it looks: the terminal layer maps each style to colours and
/// attributes for 256, 8 or no colours (reverse video then marks the selection).
public enum Style: Int, Hashable, Sendable, CaseIterable {
    case normal
    case muted
    case title
    case header
    case selected
    case badgePending
    case badgeAccepted
    case badgeClosed
    case badgeUnknown
    /// A request a refresh brought that the cursor has not been on yet.
    case badgeNew
    case bannerSuccess
    case bannerError
    case bannerInfo
    case prompt
    case statusBar
    case tabActive
    case tabInactive
    case border
    case label
}

import EngageContract
import Foundation

/// What the user chose at start-up: fixed for the life of the screen.
public struct AppOptions: Sendable, Equatable {
    /// Shown in the title bar: the enterprise, or "demo".
    public var tenantName: String
    /// Ask "Accept …? y/N" before sending an accept.
    public var confirmBeforeAccept: Bool
    /// Accepting and every other change are disabled (`--read-only`).
    public var readOnly: Bool
    /// Draw with ASCII only (the locale is not UTF-8).
    public var asciiOnly: Bool
    /// The language of the location translations listed first, until the user cycles it with `L`.
    public var preferredLanguage: Language
    /// Times are shown in this zone (the user's own).
    public var timeZone: Zone
    /// The list's order at start (`s` and `S` change it).
    public var sortOrder: SortOrder
    /// How often the pending requests are re-read in the background, in seconds; 0: never.
    public var refreshSeconds: Int
    /// `$VISUAL` or `$EDITOR` names an editor: `n` opens the note in it (else in a field).
    public var hasExternalEditor: Bool

    public init(
        tenantName: String, confirmBeforeAccept: Bool = true, readOnly: Bool = false, asciiOnly: Bool = false,
        preferredLanguage: Language = .en, timeZone: Zone = .local, sortOrder: SortOrder = SortOrder(),
        refreshSeconds: Int = 60, hasExternalEditor: Bool = false
    ) {
        self.tenantName = tenantName
        self.confirmBeforeAccept = confirmBeforeAccept
        self.readOnly = readOnly
        self.asciiOnly = asciiOnly
        self.preferredLanguage = preferredLanguage
        self.timeZone = timeZone
        self.sortOrder = sortOrder
        self.refreshSeconds = max(0, refreshSeconds)
        self.hasExternalEditor = hasExternalEditor
    }
}

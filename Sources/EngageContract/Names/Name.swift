import Foundation

/// What the app shows for a referenced subject, office, employee or customer: the name, and a
/// second line of detail where there is one (an employee's function; a customer's company,
/// email and phone). Straight from the server: untrusted text, sanitised where it is shown.
public struct Name: Hashable, Sendable, Codable {
    public var text: String
    public var detail: String?

    public init(_ text: String, detail: String? = nil) {
        self.text = text
        self.detail = detail
    }
}

extension Name {
    /// A name for `text` unless it is missing or blank.
    static func nonEmpty(_ text: String?, detail: String? = nil) -> Name? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return Name(text, detail: detail)
    }

    /// The non-blank parts joined by a space, `nil` when none is left.
    static func joined(_ parts: String?..., separator: String = " ") -> String? {
        let kept = parts.compactMap { $0.map(PlainText.trimmed) }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: separator)
    }
}

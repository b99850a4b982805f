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

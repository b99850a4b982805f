/// A string enumeration of the Engage contract whose set of values the server may grow.
///
/// Real servers add values before clients learn about them. Decoding an unknown value into a
/// closed Swift enum would throw and lose the whole response (one new status would blank the
/// whole list), so every contract enum has an `unknown(UndocumentedValue)` case that keeps the
/// raw text (out of line: the enum stays 8 bytes), and this protocol supplies the mapping and
/// `Codable` from one table per enum.
public protocol OpenEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Every documented value and its wire spelling, in the order the API documentation lists them.
    static var documentedValues: [(value: Self, rawValue: String)] { get }

    /// The case for a value the documentation does not list (the enum's `unknown` case).
    static func unknown(_ value: UndocumentedValue) -> Self

    /// The raw text of a value the documentation does not list; `nil` for documented values.
    var unknownRawValue: String? { get }
}

extension OpenEnum {
    /// The case for a text the documentation does not list.
    public static func unknown(_ rawValue: String) -> Self {
        unknown(UndocumentedValue(rawValue))
    }

    /// Maps any wire value; never fails, unknown text becomes `unknown(text)`.
    public init(rawValue: String) {
        self = Self.documentedValues.first(where: { $0.rawValue == rawValue })?.value ?? .unknown(rawValue)
    }

    /// The wire spelling, e.g. `INCOMING_REQUEST`.
    public var rawValue: String {
        if let unknownRawValue { return unknownRawValue }
        return Self.documentedValues.first(where: { $0.value == self })?.rawValue ?? ""
    }

    /// Whether the value is one the API documentation lists.
    public var isDocumented: Bool { unknownRawValue == nil }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The raw text of an enum value that the API documentation does not list (the payload of an
/// `OpenEnum`'s `unknown` case), kept out of line: one pointer in the enum instead of a string,
/// so every open enum takes 8 bytes instead of 16. An appointment holds six of its own, two a
/// participant and one an answer: 100,000 of the sandbox's kind loaded take 11 MB less.
///
/// Immutable, so copies share it. Equal when the texts are; a string literal makes one, so
/// `.unknown("NEW_VALUE")` reads as before.
public final class UndocumentedValue: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The text as the server sent it.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public convenience init(stringLiteral rawValue: String) {
        self.init(rawValue)
    }

    public static func == (left: UndocumentedValue, right: UndocumentedValue) -> Bool {
        left === right || left.rawValue == right.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    public var description: String { rawValue }
}

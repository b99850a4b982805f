/// Keeps a large optional value that only the detail view reads out of line: one pointer in the
/// containing struct instead of the whole value, and nothing allocated when it is `nil`. An array
/// of 100,000 appointments stays compact, and growing it copies pointers, not locations.
///
/// The box is immutable, so copies share it safely; setting the value replaces the box.
@propertyWrapper
public struct OutOfLine<Wrapped: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: Sendable {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var box: Box?

    public init(wrappedValue: Wrapped?) {
        box = wrappedValue.map(Box.init)
    }

    public var wrappedValue: Wrapped? {
        get { box?.value }
        set { box = newValue.map(Box.init) }
    }

    /// The wrapper itself (`appointment.$location`): assigning one wrapper to another shares its
    /// box, which is how equal values loaded many times are kept once.
    public var projectedValue: OutOfLine<Wrapped> {
        get { self }
        set { self = newValue }
    }

    /// Whether both hold the very same box (not merely equal values).
    public func sharesStorage(with other: OutOfLine) -> Bool {
        box != nil && box === other.box
    }

    public static func == (left: OutOfLine, right: OutOfLine) -> Bool {
        left.box === right.box || left.wrappedValue == right.wrappedValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(wrappedValue)
    }
}

extension OutOfLine: Codable where Wrapped: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Wrapped.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as `nil`, as it does for a plain optional property (the synthesized
    /// `init(from:)` calls `decode`, not `decodeIfPresent`, for a property wrapper).
    public func decode<Wrapped: Codable>(_ type: OutOfLine<Wrapped>.Type, forKey key: Key) throws -> OutOfLine<Wrapped> {
        OutOfLine(wrappedValue: try decodeIfPresent(Wrapped.self, forKey: key))
    }
}

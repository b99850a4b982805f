/// A titled group of labelled values: one section of an appointment's details.
public struct DetailSection: Sendable, Hashable {
    /// One labelled value. A value may span several lines (notes); it is already sanitised.
    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var fields: [Field]

    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }
}

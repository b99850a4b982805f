/// One office an employee works for (`officeRelations` of `GET /employees`). The API reference
/// names the field but not its shape: it is read as `{"officeId": "12"}` or `{"office": {"id":
/// "12"}}` (other keys ignored), and written as the first.
public struct OfficeRelation: Codable, Hashable, Sendable {
    public var officeId: String

    public init(officeId: String) {
        self.officeId = officeId
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let id = try container.decodeIfPresent(String.self, forKey: .officeId) {
            officeId = id
        } else {
            officeId = try container.decode(Reference.self, forKey: .office).id
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(officeId, forKey: .officeId)
    }

    private enum CodingKeys: String, CodingKey {
        case officeId, office
    }
}

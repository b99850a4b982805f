import EngageAPI
import Foundation

/// The accept page's schema, as a checker of the JSON the sandbox sends: every object has exactly
/// the documented keys (additional properties are not allowed), required values are present and
/// non-empty, enum values are documented, date-times parse and numbers are in range.
struct DocumentedSchema {
    private(set) var violations: [String] = []

    mutating func checkAppointment(_ value: Any?, at path: String) {
        guard let object = checkObject(value, at: path, keys: [
            "id", "externalId", "start", "end", "subject", "office", "appointmentParticipants", "answers",
            "callbackRequest", "listing", "leadSegment", "meetingRoom", "meetingType", "status", "hybrid",
            "trailingBufferTime", "internalNotes", "messageForCustomer", "createdAt", "createdBy", "createdByType",
            "createdFrom", "updatedAt", "updatedBy", "updatedByType", "updatedFrom", "location",
        ]) else { return }
        checkString(object["id"], at: path + ".id")
        checkString(object["externalId"], at: path + ".externalId", nullable: true, maxLength: 255)
        for key in ["start", "end"] { checkDate(object[key], at: "\(path).\(key)", nullable: true) }
        for key in ["createdAt", "updatedAt"] { checkDate(object[key], at: "\(path).\(key)") }
        for key in ["subject", "office"] { checkReference(object[key], at: "\(path).\(key)") }
        for key in ["callbackRequest", "listing", "leadSegment", "meetingRoom", "createdBy", "updatedBy"] {
            checkReference(object[key], at: "\(path).\(key)", nullable: true)
        }
        checkEnum(object["meetingType"], MeetingType.self, at: path + ".meetingType")
        checkEnum(object["status"], AppointmentStatus.self, at: path + ".status")
        for key in ["createdByType", "updatedByType"] { checkEnum(object[key], ActorType.self, at: "\(path).\(key)") }
        for key in ["createdFrom", "updatedFrom"] { checkEnum(object[key], SourceApplication.self, at: "\(path).\(key)") }
        if !(object["hybrid"] is Bool) { violations.append("\(path).hybrid is not a boolean") }
        if ((object["trailingBufferTime"] as? Int) ?? -1) < 0 { violations.append("\(path).trailingBufferTime < 0") }
        for key in ["internalNotes", "messageForCustomer"] { checkString(object[key], at: "\(path).\(key)", nullable: true) }

        let participants = object["appointmentParticipants"] as? [Any] ?? []
        if participants.count < 2 { violations.append("\(path).appointmentParticipants has fewer than 2") }
        for (index, participant) in participants.enumerated() {
            let at = "\(path).appointmentParticipants[\(index)]"
            guard let item = checkObject(participant, at: at, keys: ["role", "participant", "type", "videoUrl", "videoTestUrl"])
            else { continue }
            checkEnum(item["role"], ParticipantRole.self, at: at + ".role")
            checkEnum(item["type"], ParticipantType.self, at: at + ".type")
            checkReference(item["participant"], at: at + ".participant")
            for key in ["videoUrl", "videoTestUrl"] { checkURL(item[key], at: "\(at).\(key)") }
        }
        for (index, answer) in (object["answers"] as? [Any] ?? []).enumerated() {
            checkAnswer(answer, at: "\(path).answers[\(index)]")
        }
        if !(object["location"] is NSNull) { checkLocation(object["location"], at: path + ".location") }
    }

    /// A subject or office: `id` and `name` as `{language, value}` or null.
    mutating func checkNamed(_ value: Any?, at path: String) {
        guard let object = checkObject(value, at: path, keys: ["id", "name"]) else { return }
        checkString(object["id"], at: path + ".id")
        if !(object["name"] is NSNull) { checkLocalized(object["name"], at: path + ".name") }
    }

    /// An employee: first and last name required, the rest nullable.
    mutating func checkEmployee(_ value: Any?, at path: String) {
        guard let object = checkObject(
            value, at: path, keys: ["id", "firstName", "lastName", "email", "function", "status", "officeRelations"])
        else { return }
        if let relations = object["officeRelations"] as? [Any] {
            for (index, relation) in relations.enumerated() {
                let at = "\(path).officeRelations[\(index)]"
                if let relation = checkObject(relation, at: at, keys: ["officeId"]) { checkString(relation["officeId"], at: at + ".officeId") }
            }
        } else if !(object["officeRelations"] is NSNull) {
            violations.append("\(path).officeRelations: not an array or null")
        }
        for key in ["id", "firstName", "lastName"] { checkString(object[key], at: "\(path).\(key)") }
        checkString(object["email"], at: path + ".email", nullable: true)
        if !(object["function"] is NSNull) { checkLocalized(object["function"], at: path + ".function") }
        checkEnum(object["status"], Employee.Status.self, at: path + ".status")
    }

    /// A customer: every field but the id nullable.
    mutating func checkCustomer(_ value: Any?, at path: String) {
        let fields = ["firstName", "lastName", "company", "email", "phoneNumber", "customerNumber"]
        guard let object = checkObject(value, at: path, keys: Set(fields + ["id"])) else { return }
        checkString(object["id"], at: path + ".id")
        for key in fields { checkString(object[key], at: "\(path).\(key)", nullable: true) }
    }

    private mutating func checkAnswer(_ value: Any?, at path: String) {
        guard let object = checkObject(value, at: path, keys: [
            "value", "selectedAnswerOptions", "files", "id", "form", "question", "answerType", "createdAt", "updatedAt",
        ]) else { return }
        checkString(object["value"], at: path + ".value", nullable: true)
        for key in ["selectedAnswerOptions", "files"] where !(object[key] is NSNull) {
            for (index, reference) in (object[key] as? [Any] ?? []).enumerated() {
                checkReference(reference, at: "\(path).\(key)[\(index)]")
            }
        }
        checkString(object["id"], at: path + ".id")
        checkReference(object["form"], at: path + ".form")
        checkReference(object["question"], at: path + ".question")
        checkEnum(object["answerType"], AnswerType.self, at: path + ".answerType")
        checkDate(object["createdAt"], at: path + ".createdAt")
        checkDate(object["updatedAt"], at: path + ".updatedAt")
    }

    private mutating func checkLocation(_ value: Any?, at path: String) {
        guard let object = checkObject(value, at: path, keys: [
            "city", "state", "street1", "street2", "postalCode", "countryCode", "formattedAddress", "geolocation", "translations",
        ]) else { return }
        for key in ["city", "state", "street1", "street2"] where !(object[key] is NSNull) {
            checkLocalized(object[key], at: "\(path).\(key)")
        }
        checkString(object["postalCode"], at: path + ".postalCode", nullable: true)
        if (object["countryCode"] as? String)?.count != 2 { violations.append("\(path).countryCode is not 2 letters") }
        checkString(object["formattedAddress"], at: path + ".formattedAddress")
        if let geolocation = checkObject(object["geolocation"], at: path + ".geolocation", keys: ["latitude", "longitude"]) {
            let latitude = geolocation["latitude"] as? Double ?? 999
            let longitude = geolocation["longitude"] as? Double ?? 999
            if abs(latitude) > 90 || abs(longitude) > 180 { violations.append("\(path).geolocation out of range") }
        }
        guard let translations = checkObject(
            object["translations"], at: path + ".translations", keys: ["city", "state", "street1", "street2"])
        else { return }
        for key in ["city", "state", "street1", "street2"] {
            let items = translations[key] as? [Any] ?? []
            if (key == "city" || key == "street1") && items.isEmpty { violations.append("\(path).translations.\(key) is empty") }
            for (index, item) in items.enumerated() { checkLocalized(item, at: "\(path).translations.\(key)[\(index)]") }
        }
    }

    private mutating func checkLocalized(_ value: Any?, at path: String) {
        guard let object = checkObject(value, at: path, keys: ["language", "value"]) else { return }
        checkEnum(object["language"], Language.self, at: path + ".language")
        checkString(object["value"], at: path + ".value")
    }

    private mutating func checkReference(_ value: Any?, at path: String, nullable: Bool = false) {
        if nullable && value is NSNull { return }
        guard let object = checkObject(value, at: path, keys: ["id"]) else { return }
        checkString(object["id"], at: path + ".id")
    }

    private mutating func checkObject(_ value: Any?, at path: String, keys: Set<String>) -> [String: Any]? {
        guard let object = value as? [String: Any] else {
            violations.append("\(path) is not an object")
            return nil
        }
        let actual = Set(object.keys)
        if actual != keys {
            violations.append("\(path) keys differ: extra \(actual.subtracting(keys).sorted()), missing \(keys.subtracting(actual).sorted())")
        }
        return object
    }

    private mutating func checkString(_ value: Any?, at path: String, nullable: Bool = false, maxLength: Int = .max) {
        if nullable && value is NSNull { return }
        guard let text = value as? String, !text.isEmpty, text.count <= maxLength else {
            violations.append("\(path) is not a non-empty string")
            return
        }
    }

    private mutating func checkURL(_ value: Any?, at path: String) {
        if value is NSNull { return }
        guard let text = value as? String, URL(string: text)?.scheme == "https" else {
            violations.append("\(path) is not a URI")
            return
        }
    }

    private mutating func checkDate(_ value: Any?, at path: String, nullable: Bool = false) {
        if nullable && value is NSNull { return }
        guard let text = value as? String, Timestamp.parse(text) != nil else {
            violations.append("\(path) is not a date-time")
            return
        }
    }

    private mutating func checkEnum<Value: OpenEnum>(_ value: Any?, _: Value.Type, at path: String) {
        guard let text = value as? String, Value(rawValue: text).isDocumented else {
            violations.append("\(path) is not a documented \(Value.self): \(value ?? "nil")")
            return
        }
    }
}

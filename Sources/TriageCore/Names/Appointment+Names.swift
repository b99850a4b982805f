import EngageContract

/// What an appointment refers to by id, as keys of the names to show for it.
extension Appointment {
    /// What a row of the list names: the customer, subject, office and primary employee.
    public var listNameKeys: [NameKey] {
        var keys = [NameKey(.subject, subject.id), NameKey(.office, office.id)]
        if let customer { keys.append(NameKey(.customer, customer.participant.id)) }
        if let employee = primaryEmployee { keys.append(NameKey(.employee, employee.participant.id)) }
        return keys
    }

    /// What the details name besides: every participant, who created and who last changed it.
    public func detailNameKeys(language: Language? = nil) -> [NameKey] {
        var keys = [NameKey(.subject, subject.id, language: language), NameKey(.office, office.id, language: language)]
        for participant in appointmentParticipants {
            if let kind = participant.type.nameKind { keys.append(NameKey(kind, participant.participant.id)) }
        }
        for (reference, type) in [(createdBy, createdByType), (updatedBy, updatedByType)] {
            if let reference, let kind = type.nameKind { keys.append(NameKey(kind, reference.id)) }
        }
        return keys
    }
}

extension ParticipantType {
    /// The kind of name a participant of this type has (none for types the API may add).
    var nameKind: NameKind? {
        switch self {
        case .customer: .customer
        case .employee: .employee
        case .unknown: nil
        }
    }
}

extension ActorType {
    /// The kind of name of who created or changed an appointment (none for OTHER, e.g. an API client).
    var nameKind: NameKind? {
        switch self {
        case .customer: .customer
        case .employee: .employee
        case .other, .unknown: nil
        }
    }
}

extension Appointment {
    /// The primary customer's id, read in place (asked for every row by the sort by customer:
    /// no participant is copied).
    var customerID: String? {
        var first: Int?
        for index in appointmentParticipants.indices {
            guard case .customer = appointmentParticipants[index].type else { continue }
            if case .primary = appointmentParticipants[index].role { return appointmentParticipants[index].participant.id }
            if first == nil { first = index }
        }
        return first.map { appointmentParticipants[$0].participant.id }
    }

    /// The id the row names for `kind`: its customer, subject, office or primary employee.
    func nameID(_ kind: NameKind) -> String? {
        switch kind {
        case .customer: customerID
        case .subject: subject.id
        case .office: office.id
        case .employee: primaryEmployee?.participant.id
        }
    }
}

import EngageContract

/// Keeps equal values of the loaded appointments once: the same office address, the same
/// answer to a choice question, the same note template, loaded for thousands of requests, is
/// stored once and shared (Swift strings, arrays and `OutOfLine` boxes share their storage when
/// copied). Values that are unique anyway (ids, video links) are left alone: the table would
/// only add its own entry for them.
struct ValueInterner: Sendable {
    private var locations: [Location: OutOfLine<Location>] = [:]
    private var texts: Set<String> = []
    private var referenceLists: Set<[Reference]> = []

    /// `appointment` with its repeatable parts replaced by the copies seen before.
    mutating func intern(_ appointment: Appointment) -> Appointment {
        var appointment = appointment
        if let location = appointment.location {
            if let shared = locations[location] {
                appointment.$location = shared
            } else {
                locations[location] = appointment.$location
            }
        }
        appointment.internalNotes = appointment.internalNotes.map { intern($0) }
        appointment.messageForCustomer = appointment.messageForCustomer.map { intern($0) }
        for index in appointment.answers.indices {
            appointment.answers[index].value = appointment.answers[index].value.map { intern($0) }
            appointment.answers[index].selectedAnswerOptions = appointment.answers[index].selectedAnswerOptions.map { intern($0) }
            appointment.answers[index].files = appointment.answers[index].files.map { intern($0) }
        }
        return appointment
    }

    private mutating func intern(_ text: String) -> String {
        // Up to 15 UTF-8 bytes a string is stored inline, with nothing to share.
        text.utf8.count <= 15 ? text : texts.insert(text).memberAfterInsert
    }

    private mutating func intern(_ references: [Reference]) -> [Reference] {
        references.isEmpty ? references : referenceLists.insert(references).memberAfterInsert
    }
}

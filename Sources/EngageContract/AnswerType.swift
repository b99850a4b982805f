/// Which form an answer was given in.
public enum AnswerType: OpenEnum {
    case appointmentCancellation, appointmentCompletion, callbackRequest, qualification, subjectQuestionnaire
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.appointmentCancellation, "APPOINTMENT_CANCELLATION"), (.appointmentCompletion, "APPOINTMENT_COMPLETION"),
        (.callbackRequest, "CALLBACK_REQUEST"), (.qualification, "QUALIFICATION"),
        (.subjectQuestionnaire, "SUBJECT_QUESTIONNAIRE"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}

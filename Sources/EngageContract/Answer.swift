import Foundation

/// A customer's answer to one question of a form (questionnaire, qualification, …).
public struct Answer: Codable, Hashable, Sendable, Identifiable {
    /// Free-text value; `nil` for questions answered by options or files.
    public var value: String?
    public var selectedAnswerOptions: [Reference]?
    public var files: [Reference]?
    public var id: String
    public var form: Reference
    public var question: Reference
    public var answerType: AnswerType
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        value: String?, selectedAnswerOptions: [Reference]? = nil, files: [Reference]? = nil, id: String,
        form: Reference, question: Reference, answerType: AnswerType, createdAt: Date, updatedAt: Date
    ) {
        self.value = value
        self.selectedAnswerOptions = selectedAnswerOptions
        self.files = files
        self.id = id
        self.form = form
        self.question = question
        self.answerType = answerType
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(selectedAnswerOptions, forKey: .selectedAnswerOptions)
        try container.encode(files, forKey: .files)
        try container.encode(id, forKey: .id)
        try container.encode(form, forKey: .form)
        try container.encode(question, forKey: .question)
        try container.encode(answerType, forKey: .answerType)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

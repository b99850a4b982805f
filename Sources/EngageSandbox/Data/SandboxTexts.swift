/// The free texts of the seeded tenant: notes, messages and answers as staff and customers write them.
enum SandboxTexts {
    static let internalNotes: [String?] = [
        nil,
        "Customer called twice about this; prefers mornings.",
        "Existing client since 2019. Ask about the renewal of the home insurance before it lapses in March, "
            + "and check whether the second applicant (spouse) will join the meeting or send a proxy. "
            + "Bring the signed mandate; last time the meeting had to be rescheduled because it was missing.",
        "VIP — route to a senior advisor.\nParking is available behind the building.",
        nil,
        "Needs an interpreter (Japanese). 通訳が必要です。",
        "Έχει ήδη υποβάλει τα έγγραφα.",
        // A hostile note: escape sequences that would retitle the terminal, recolour it and move the cursor.
        "Pay attention\u{1B}]0;pwned\u{07}\u{1B}[31m RED \u{1B}[2J\u{1B}[H\u{202E}reversed\u{202C} done",
    ]

    static let messagesForCustomer: [String?] = [
        nil,
        "Please bring a valid ID and your last three payslips.",
        "We look forward to meeting you. Parking is free for customers; ask at the desk for a ticket.",
        nil,
        "Ons kantoor ligt naast het station. Meld u aan bij de receptie.",
        "À bientôt ! N'oubliez pas votre relevé d'identité bancaire.",
    ]

    static let questionnaireAnswers: [String] = [
        "A colleague", "Your website", "An advertisement on the radio", "A friend recommended you",
        "I want to discuss refinancing my mortgage now that the fixed-rate period ends next year, and I would "
            + "like to understand whether moving to a variable rate or a new fixed period makes more sense.",
    ]

    static let qualificationAnswers: [String] = [
        "First-time buyer", "Self-employed, three years of accounts available", "Joint application",
    ]

    static let callbackAnswers: [String] = [
        "Please call after 17:00", "Weekdays between 9 and 12", "Any time, mobile preferred",
    ]

    static let cancellationAnswers: [String] = ["Found another advisor", "Illness", "Double booking"]

    static let completionAnswers: [String] = ["Offer sent", "Follow-up needed in two weeks", "No further action"]
}

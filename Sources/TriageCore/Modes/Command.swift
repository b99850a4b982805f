/// What a key asks for, independent of which key it was (keys are configurable).
public enum Command: Hashable, Sendable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back
    case accept, reload, help, quit, redraw
    case nextSection, previousSection
    case overview, participants, location, answers
    case cycleLanguage
    case closeHelp
    case messages, closeMessages
    case confirmAccept, cancelAccept
    case jump, copyId, copyVideoURL
    case mark, markAll, clearMarks, acceptMarked
    case runPrompt, cancelPrompt, deletePromptCharacter
    case filter, keepFilter, clearFilter, sortNext, sortReverse, refresh
    case reschedule, editNote, saveNote, newLine
    case reassign, pick, closePicker
    case nextField, previousField, reviewForm, abandonForm, clearField

    /// The modes whose keymap has this command.
    public var modes: Set<Mode.Kind> {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom: [.list, .details, .help, .messages, .picker]
        case .redraw: [.list, .details, .help, .messages, .form, .picker]
        case .pick, .closePicker: [.picker]
        case .filter: [.list, .details, .picker]
        case .closeHelp: [.help]
        case .closeMessages: [.messages]
        case .confirmAccept, .cancelAccept: [.confirm]
        case .runPrompt, .cancelPrompt: [.prompt]
        case .deletePromptCharacter: [.prompt, .filter, .form, .editor]
        case .nextField, .previousField, .reviewForm, .clearField: [.form]
        case .abandonForm: [.form, .editor]
        case .saveNote, .newLine: [.editor]
        case .keepFilter, .clearFilter: [.filter]
        default: [.list, .details]
        }
    }

    /// The words the help overlay shows.
    public var summary: String {
        switch self {
        case .moveDown: "next request / scroll down"
        case .moveUp: "previous request / scroll up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .top: "first"
        case .bottom: "last"
        case .open: "open the details"
        case .back: "back / dismiss the message"
        case .accept: "accept the request"
        case .reload: "reload the pending requests"
        case .help: "this help"
        case .quit: "quit"
        case .redraw: "redraw the screen"
        case .nextSection: "next section"
        case .previousSection: "previous section"
        case .overview: "Overview"
        case .participants: "Participants"
        case .location: "Location"
        case .answers: "Answers"
        case .cycleLanguage: "next translation language first"
        case .closeHelp: "close this help"
        case .messages: "every message of the session"
        case .closeMessages: "close the messages"
        case .confirmAccept: "yes, send it"
        case .cancelAccept: "no, send nothing"
        case .jump: "jump to a request by id (:1042), or :q to quit"
        case .copyId: "copy the request's id (to the terminal's clipboard)"
        case .copyVideoURL: "copy the customer's video link"
        case .mark: "mark the request (and move on)"
        case .markAll: "mark every request in the list"
        case .clearMarks: "clear the marks"
        case .acceptMarked: "accept every marked request"
        case .runPrompt: "jump (or quit with q)"
        case .cancelPrompt: "close the line"
        case .deletePromptCharacter: "delete the last character"
        case .filter: "filter as you type (names, city, id, notes…)"
        case .keepFilter: "keep the filter and go back to the list"
        case .clearFilter: "clear the filter"
        case .sortNext: "sort by start, waiting, customer, subject, office"
        case .sortReverse: "reverse the sort"
        case .refresh: "refresh now (r reloads everything)"
        case .reschedule: "propose another time (a form)"
        case .editNote: "edit the internal note ($VISUAL/$EDITOR, else a field)"
        case .saveNote: "review the note, then y saves it"
        case .reassign: "hand it to a colleague (a picker)"
        case .pick: "pick this colleague"
        case .closePicker: "close the picker"
        case .newLine: "a new line"
        case .nextField: "next field"
        case .previousField: "previous field"
        case .reviewForm: "review, then y sends"
        case .abandonForm: "abandon the form"
        case .clearField: "empty the field"
        }
    }
}

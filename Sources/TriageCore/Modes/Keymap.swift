/// Which keys run which command, mode by mode. The defaults follow less/vim/k9s habits: arrows and
/// j/k, g/G, PgUp/PgDn, Enter and Esc, `?` for help and `q` to quit.
///
/// One table of bindings (configured by command name) serves every mode: each mode's keymap holds
/// the commands of that mode (`Command.modes`). A key bound to two commands of one mode is refused
/// by `validate()`, so what the help says is what the key does.
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [Command: [Key]]
    private var commandsByKey: [Mode.Kind: [Key: Command]]

    public init(_ bindings: [Command: [Key]]) {
        self.bindings = bindings
        var commandsByKey: [Mode.Kind: [Key: Command]] = [:]
        for command in Command.allCases {
            for key in bindings[command] ?? [] {
                for mode in command.modes where commandsByKey[mode, default: [:]][key] == nil {
                    commandsByKey[mode, default: [:]][key] = command
                }
            }
        }
        self.commandsByKey = commandsByKey
    }

    public static let standard = Keymap([
        .moveDown: [.down, .character("j")],
        .moveUp: [.up, .character("k")],
        .pageDown: [.pageDown, .control("f"), .control("d")],
        .pageUp: [.pageUp, .control("b")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .open: [.enter, .right, .character("l")],
        .back: [.escape, .left, .character("h")],
        .accept: [.character("a")],
        .reload: [.character("r")],
        .help: [.character("?"), .function(1)],
        .quit: [.character("q")],
        .redraw: [.control("l")],
        .nextSection: [.tab],
        .previousSection: [.backTab],
        .overview: [.character("1")],
        .participants: [.character("2")],
        .location: [.character("3")],
        .answers: [.character("4")],
        .cycleLanguage: [.character("L")],
        .closeHelp: [.escape, .character("?"), .character("q"), .enter, .function(1)],
        .messages: [.character("m")],
        .closeMessages: [.escape, .character("m"), .character("q"), .enter],
        .confirmAccept: [.character("y"), .character("Y")],
        .cancelAccept: [.character("n"), .character("N"), .escape],
        .jump: [.character(":")],
        .copyId: [.character("y")],
        .copyVideoURL: [.character("Y")],
        .mark: [.character(" ")],
        .markAll: [.character("*")],
        .clearMarks: [.character("U")],
        .acceptMarked: [.character("A")],
        .runPrompt: [.enter],
        .cancelPrompt: [.escape],
        .deletePromptCharacter: [.backspace],
        .filter: [.character("/")],
        .keepFilter: [.enter],
        .clearFilter: [.escape],
        .sortNext: [.character("s")],
        .sortReverse: [.character("S")],
        .refresh: [.character("R"), .function(5)],
        .reschedule: [.character("t")],
        .editNote: [.character("n")],
        .reassign: [.character("o")],
        .pick: [.enter],
        .closePicker: [.escape, .character("q")],
        .saveNote: [.control("d")],
        .newLine: [.enter],
        .nextField: [.tab, .down],
        .previousField: [.backTab, .up],
        .reviewForm: [.enter],
        .abandonForm: [.escape],
        .clearField: [.control("u")],
    ])

    /// The command `key` runs in `mode`, if any.
    public func command(for key: Key, in mode: Mode.Kind) -> Command? { commandsByKey[mode]?[key] }

    /// The keys of `command` as the help shows them, e.g. `↓ j`.
    public func keys(for command: Command) -> String {
        (bindings[command] ?? []).map(\.description).map { $0 == " " ? "Space" : $0 }.joined(separator: " ")
    }

    /// The first key of `command`, as the key hints show it.
    public func firstKey(for command: Command) -> String? {
        bindings[command]?.first.map(\.description).map { $0 == " " ? "Space" : $0 }
    }

    /// A key bound to two commands of one mode.
    public struct Conflict: Error, Equatable, Sendable, CustomStringConvertible {
        public var key: Key
        public var first: Command
        public var second: Command
        public var mode: Mode.Kind

        public var description: String {
            let key = key == .character(" ") ? "Space" : key.description
            return "the key \(key) is bound to both \(first.name) and \(second.name) (in the \(mode.rawValue) mode)"
        }
    }

    /// Throws the first key bound to two commands of the same mode.
    public func validate() throws(Conflict) {
        for mode in Mode.Kind.allCases {
            var owners: [Key: Command] = [:]
            for command in Command.allCases where command.modes.contains(mode) {
                for key in bindings[command] ?? [] {
                    if let owner = owners[key], owner != command {
                        throw Conflict(key: key, first: owner, second: command, mode: mode)
                    }
                    owners[key] = command
                }
            }
        }
    }
}

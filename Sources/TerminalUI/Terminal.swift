import CNcurses
import Foundation
import TriageCore

/// The terminal, through wide-character ncurses: set-up and teardown, drawing a `Screen`,
/// reading keys. Used from one thread only (the UI thread).
public final class Terminal {
    /// Why the terminal could not be taken over.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public private(set) var colorMode = ColorMode.none
    /// Whether the locale is UTF-8; if not, the app draws ASCII only.
    public private(set) var isUTF8 = false
    private var screenPointer: OpaquePointer?
    private var palette = Palette(mode: .none)
    /// ncurses cells already built: a frame repeats few (character, style) pairs, and building
    /// each with setcchar was most of the cost of a frame. ASCII by table, the rest by hash.
    private var asciiCells = [cchar_t?](repeating: nil, count: Style.allCases.count * 128)
    private var scalarCells: [UInt64: cchar_t] = [:]
    private var clusterCells: [ClusterKey: cchar_t] = [:]
    /// The frame drawn last, to copy only the rows that changed.
    private var lastScreen: Screen?
    private var isActive = false
    /// Where ncurses writes: the terminal's descriptor, for what ncurses does not send itself.
    private var outputDescriptor = STDOUT_FILENO
    /// The signals the screen handles itself, watched from before ncurses starts until it ends.
    private var signalWatcher: SignalWatcher?

    public init() {}

    /// Takes over the terminal: alternate screen, no echo, keys unbuffered, Esc after 25 ms.
    /// - Parameters:
    ///   - terminal: a terminal device to use instead of stdin/stdout (the benchmarks drive a
    ///     pseudo-terminal this way).
    ///   - onSignal: if given, gets the signals of `SignalWatcher` (Ctrl-Z, resize, the ending
    ///     ones) from before ncurses starts until `stop`. Before, because ncurses decides once,
    ///     at the first start in a process, whether SIGTSTP is its business: if it is still the
    ///     default then, ncurses sets it to SIG_IGN for the length of every `doupdate`, and a
    ///     Ctrl-Z typed while a frame went out was lost. Finding a handler in place, ncurses
    ///     leaves SIGTSTP alone.
    public func start(
        colorPreference: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        terminal: Int32? = nil, onSignal: (@Sendable (Int32) -> Void)? = nil
    ) throws {
        setlocale(LC_ALL, "")
        isUTF8 = cncurses_locale_is_utf8() != 0
        let (input, output) = (terminal ?? STDIN_FILENO, terminal ?? STDOUT_FILENO)
        outputDescriptor = output
        guard isatty(input) == 1, isatty(output) == 1 else {
            throw StartError(description: "The screen needs a terminal; use the list, show and accept commands in scripts.")
        }
        set_escdelay(25)
        signalWatcher = onSignal.map { SignalWatcher(handler: $0) }
        let files = terminal.map { (fdopen(dup($0), "w"), fdopen(dup($0), "r")) } ?? (cncurses_stdout(), cncurses_stdin())
        // The terminal type from `environment` (the process's own by default), so a caller can
        // name one without changing the process-wide environment.
        guard let screen = newterm(environment["TERM"], files.0, files.1) else {
            stopWatchingSignals()
            throw StartError(description: "Cannot drive this terminal (TERM=\(environment["TERM"] ?? "unset")).")
        }
        screenPointer = screen
        set_term(screen)
        isActive = true
        cncurses_restore_terminal_on_crash()
        cbreak()
        noecho()
        nonl()
        intrflush(cncurses_stdscr(), false)
        keypad(cncurses_stdscr(), true)
        nodelay(cncurses_stdscr(), true)
        curs_set(0)
        sendEachFrameInOneWrite()
        enterKeypadMode()
        colorMode = ColorMode.choose(
            preference: colorPreference, environment: environment, terminalColors: Int(cncurses_colors()),
            hasColors: has_colors())
        if colorMode != .none {
            start_color()
            use_default_colors()
        }
        palette = Palette(mode: colorMode)
        asciiCells = [cchar_t?](repeating: nil, count: Style.allCases.count * 128)
        scalarCells.removeAll()
        clusterCells.removeAll()
    }

    /// Ctrl-Z: gives the terminal back, stops the process (as the default SIGTSTP would), and on
    /// `fg` takes the terminal again: program modes, keypad mode, a full repaint. Called on the
    /// screen's own thread, so nothing draws meanwhile.
    public func suspend() {
        guard isActive else { return }
        endwin()
        // The default action stops the process; this thread may have SIGTSTP blocked (it was
        // started from a Swift concurrency thread), so it is unblocked for the moment.
        var stop = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        var previousMask = sigset_t()
        let watched = signal(SIGTSTP, SIG_DFL)
        pthread_sigmask(SIG_UNBLOCK, &stop, &previousMask)
        raise(SIGTSTP)
        // Continued: the mask and the signal go back to how they were.
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        signal(SIGTSTP, watched)
        doupdate()
        enterKeypadMode()
        repaintAll()
    }

    /// Lends the terminal to another program (the user's editor) while `body` runs — the
    /// alternate screen left, the terminal's own modes back — then takes it again: program
    /// modes, keypad mode, a full repaint. Called on the screen's own thread.
    public func lend<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        guard isActive else { return try body() }
        endwin()
        defer {
            doupdate()
            enterKeypadMode()
            repaintAll()
        }
        return try body()
    }

    /// ncurses switches the terminal's keypad to application mode (`smkx`) only at the first
    /// `wget_wch`, so the first arrow key typed before it (as `ESC [ B`, not `ESC O B`) was read as
    /// Esc and junk. One read now, its key (if one was typed ahead) put back, sends `smkx` at once.
    /// Called again after the program was stopped and continued (Ctrl-Z, `fg`).
    public func enterKeypadMode() {
        guard isActive else { return }
        var character: wint_t = 0
        let result = wget_wch(cncurses_stdscr(), &character)
        if result == cncurses_key_code_yes() {
            ungetch(Int32(character))
            hasPendingInput = true
        } else if result != cncurses_err() {
            unget_wch(wchar_t(character))
            hasPendingInput = true
        }
    }

    /// A key read ahead by `enterKeypadMode` waits in ncurses, not on the terminal's file
    /// descriptor: `poll` would not see it, so the caller reads events without waiting.
    public private(set) var hasPendingInput = false

    /// ncurses 6.4 flushes its output after every cursor movement until the program has once
    /// left and resumed the screen (its `_endwin` stays `ewInitial` until then): a frame went out
    /// in some 40 writes, and over SSH in as many packets. One `endwin` + `doupdate` before the
    /// first frame (the screen is still blank) makes every later frame a single write.
    private func sendEachFrameInOneWrite() {
        endwin()
        doupdate()
    }

    /// Gives the terminal back as it was; safe to call more than once and from every exit path.
    public func stop() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        stopWatchingSignals()
    }

    private func stopWatchingSignals() {
        signalWatcher?.cancel()
        signalWatcher = nil
    }

    /// The current size in columns and rows.
    public var size: Size { Size(width: Int(cncurses_cols()), height: Int(cncurses_lines())) }

    /// Adopts the size the kernel reports now (after SIGWINCH) and returns it.
    public func adoptWindowSize() -> Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cncurses_window_size(&rows, &columns)
        if rows > 0, columns > 0, rows != cncurses_lines() || columns != cncurses_cols() {
            resizeterm(rows, columns)
            lastScreen = nil
        }
        return size
    }

    /// Draws `screen` and calls `doupdate` once, so ncurses sends only what changed. Rows equal to
    /// the last frame's are not copied again; after a resize or `repaintAll` the window is erased
    /// and every row copied.
    public func draw(_ screen: Screen) {
        guard isActive else { return }
        let window = cncurses_stdscr()
        let rows = min(screen.height, Int(cncurses_lines()))
        let columns = min(screen.width, Int(cncurses_cols()))
        let previous = lastScreen.flatMap { $0.width == screen.width && $0.height == screen.height ? $0 : nil }
        if previous == nil { werase(window) }
        var line: [cchar_t] = []
        line.reserveCapacity(columns + 1)
        for row in 0..<rows {
            if let previous, screen.row(row, equals: previous) { continue }
            line.removeAll(keepingCapacity: true)
            var column = 0
            while column < columns {
                let cell = screen[row, column]
                column += 1
                if cell.isContinuation { continue }
                line.append(makeCell(cell, of: screen))
            }
            line.append(cchar_t())  // terminator
            line.withUnsafeBufferPointer { buffer in
                _ = mvwadd_wchnstr(window, Int32(row), 0, buffer.baseAddress, Int32(buffer.count - 1))
            }
        }
        lastScreen = screen
        wnoutrefresh(window)
        doupdate()
    }

    /// Puts `text` on the clipboard of the terminal the user sits at: OSC 52
    /// (`ESC ] 52 ; c ; base64 BEL`), which passes through SSH and, with `set-clipboard on`, tmux.
    /// Written after the last frame (ncurses has flushed it), in one write.
    public func copyToClipboard(_ text: String) {
        guard isActive else { return }
        let sequence = Array(("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}").utf8)
        _ = sequence.withUnsafeBufferPointer { write(outputDescriptor, $0.baseAddress, $0.count) }
    }

    /// Forces a full repaint on the next draw (Ctrl-L, or after something scribbled on the terminal).
    public func repaintAll() {
        guard isActive else { return }
        lastScreen = nil
        clearok(cncurses_curscr(), true)
    }

    private func makeCell(_ cell: Screen.Cell, of screen: Screen) -> cchar_t {
        guard let scalar = cell.scalar else {
            // A character of several scalars (rare): cached by its text.
            let text = screen.text(of: cell)
            let key = ClusterKey(text: text, style: cell.style)
            if let cached = clusterCells[key] { return cached }
            let value = buildCell(text.unicodeScalars, style: cell.style)
            if clusterCells.count > 1_024 { clusterCells.removeAll(keepingCapacity: true) }
            clusterCells[key] = value
            return value
        }
        // Most cells are one ASCII byte: looked up by (style, byte) in a table.
        if scalar.value < 0x80 {
            let index = Int(cell.style.rawValue) * 128 + Int(scalar.value)
            if let cached = asciiCells[index] { return cached }
            let value = buildCell(CollectionOfOne(scalar), style: cell.style)
            asciiCells[index] = value
            return value
        }
        let key = UInt64(scalar.value) << 8 | UInt64(cell.style.rawValue)
        if let cached = scalarCells[key] { return cached }
        let value = buildCell(CollectionOfOne(scalar), style: cell.style)
        if scalarCells.count > 8_192 { scalarCells.removeAll(keepingCapacity: true) }
        scalarCells[key] = value
        return value
    }

    private struct ClusterKey: Hashable {
        var text: String
        var style: Style
    }

    private func buildCell(_ scalars: some Collection<Unicode.Scalar>, style: Style) -> cchar_t {
        var value = cchar_t()
        let look = palette.look(style)
        var characters = scalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if characters.isEmpty { characters = [wchar_t(32)] }
        characters.append(0)
        let attributes = look.attributes
        _ = characters.withUnsafeBufferPointer { buffer in
            setcchar(&value, buffer.baseAddress, attributes, look.pair, nil)
        }
        return value
    }

    /// Every key waiting in the input, decoded; a resize reported by ncurses becomes `.resized`.
    public func readEvents() -> [TerminalEvent] {
        guard isActive else { return [] }
        hasPendingInput = false
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(cncurses_stdscr(), &character)
            if result == cncurses_err() { break }
            if result == cncurses_key_code_yes() {
                if Int32(character) == KEY_RESIZE {
                    events.append(.resized(size))
                } else if let key = KeyDecoding.functionKey(Int32(character)) {
                    events.append(.key(key))
                }
            } else if let key = KeyDecoding.character(UInt32(character)) {
                events.append(.key(key))
            }
        }
        return events
    }
}

// The wide-character ncurses API for Swift. Links libncursesw: on Debian the plain libncurses
// exports almost none of the wide-character functions, which would silently break Japanese text.
#ifndef ENGAGE_TRIAGE_CNCURSES_SHIM_H
#define ENGAGE_TRIAGE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 cannot touch C mutable globals or function-like macros: wrap them.
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline WINDOW *cncurses_curscr(void) { return curscr; }
static inline int cncurses_lines(void) { return LINES; }
static inline int cncurses_cols(void) { return COLS; }
static inline int cncurses_colors(void) { return COLORS; }
static inline attr_t cncurses_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t cncurses_a_bold(void) { return A_BOLD; }
static inline attr_t cncurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cncurses_a_dim(void) { return A_DIM; }
static inline attr_t cncurses_a_normal(void) { return A_NORMAL; }
static inline int cncurses_err(void) { return ERR; }
static inline int cncurses_key_code_yes(void) { return KEY_CODE_YES; }

static inline FILE *cncurses_stdin(void) { return stdin; }
static inline FILE *cncurses_stdout(void) { return stdout; }

/// Whether the current locale (after setlocale) encodes text as UTF-8.
static inline int cncurses_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// The terminal size as the kernel reports it now (0 when stdout is not a terminal).
static inline void cncurses_window_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        *rows = size.ws_row;
        *columns = size.ws_col;
    } else {
        *rows = 0;
        *columns = 0;
    }
}

/// On a crash (a Swift trap, a bad access), give the terminal back before dying: endwin, then
/// the signal's default action (core dump, exit status) as if nothing had caught it.
static inline void cncurses_crash_handler(int number) {
    endwin();
    signal(number, SIG_DFL);
    raise(number);
}

static inline void cncurses_restore_terminal_on_crash(void) {
    int numbers[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned index = 0; index < sizeof numbers / sizeof numbers[0]; index++) {
        signal(numbers[index], cncurses_crash_handler);
    }
}

#endif

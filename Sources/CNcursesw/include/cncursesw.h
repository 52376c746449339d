#ifndef CNCURSESW_H
#define CNCURSESW_H
/* A thin shim over ncursesw for what Swift cannot import directly: macros, globals,
   the wide-character cell calls, and signal plumbing that must run in C. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Starts curses on stdout/stdin with $TERM; NULL instead of exiting when the terminal is unknown. */
SCREEN *cn_newterm(void);
/* fflush(stdout). */
void cn_flush_stdout(void);

/* Globals and macros. */
WINDOW *cn_stdscr(void);
WINDOW *cn_curscr(void);
int cn_lines(void);
int cn_cols(void);
int cn_colors(void);
int cn_color_pairs(void);
void cn_getmaxyx(WINDOW *win, int *rows, int *cols);
/* The locale's character set name (nl_langinfo(CODESET)). */
const char *cn_codeset(void);

/* Attributes (A_* are function-like macros, so they are spelled out here). */
static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_DIM = A_DIM;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_STANDOUT = A_STANDOUT;
static const attr_t CN_A_ITALIC = A_ITALIC;

/* Key codes. */
static const int CN_OK = OK;
static const int CN_ERR = ERR;
static const int CN_KEY_CODE_YES = KEY_CODE_YES;
static const int CN_KEY_DOWN = KEY_DOWN;
static const int CN_KEY_UP = KEY_UP;
static const int CN_KEY_LEFT = KEY_LEFT;
static const int CN_KEY_RIGHT = KEY_RIGHT;
static const int CN_KEY_HOME = KEY_HOME;
static const int CN_KEY_END = KEY_END;
static const int CN_KEY_NPAGE = KEY_NPAGE;
static const int CN_KEY_PPAGE = KEY_PPAGE;
static const int CN_KEY_BACKSPACE = KEY_BACKSPACE;
static const int CN_KEY_DC = KEY_DC;
static const int CN_KEY_IC = KEY_IC;
static const int CN_KEY_ENTER = KEY_ENTER;
static const int CN_KEY_BTAB = KEY_BTAB;
static const int CN_KEY_F0 = KEY_F0;
static const int CN_KEY_RESIZE = KEY_RESIZE;
static const int CN_KEY_MOUSE = KEY_MOUSE;
static const int CN_KEY_SLEFT = KEY_SLEFT;
static const int CN_KEY_SRIGHT = KEY_SRIGHT;

/* Mouse masks. */
static const mmask_t CN_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CN_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t CN_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t CN_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t CN_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t CN_BUTTON5_PRESSED = BUTTON5_PRESSED;

/* Reads one key or character without the macro layer; returns OK, KEY_CODE_YES or ERR. */
int cn_get_wch(wint_t *out);
/* Whether the terminal TERM names can place the cursor (cup): 1 yes, 0 no, -1 unknown to terminfo. Leaves no
   terminal set up. */
int cn_term_can_address(void);
/* Turns mouse reporting on or off; returns the mask ncurses accepted. */
mmask_t cn_mouse(int on);
/* Reads the pending mouse event; returns OK or ERR. */
int cn_getmouse(int *y, int *x, mmask_t *bstate);

/* Places one cell (a spacing character followed by up to four zero-width ones, NUL-terminated)
   at row y, column x of stdscr without moving the cursor or wrapping. */
int cn_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair);

/* Installs signal handlers (call after initscr): the first SIGINT or SIGTERM becomes a quit request
   the UI thread serves (cn_take_quit_request), and so does SIGHUP; a second one, SIGQUIT and crash signals
   restore the terminal at once (bytes prepared in advance and tcsetattr, never a curses call) and go on to the
   previous handler or the default action; SIGTSTP
   becomes a request the UI thread serves with cn_suspend; SIGWINCH, SIGTSTP and quit requests
   write one byte to wake_fd. */
void cn_install_signal_handlers(int wake_fd);
/* Puts back the handlers cn_install_signal_handlers replaced. */
void cn_remove_signal_handlers(void);
/* Returns the signal number once after the first SIGINT or SIGTERM, else 0. */
int cn_take_quit_request(void);
/* Returns 1 once after Ctrl-Z was pressed. */
int cn_take_suspend_request(void);
/* Leaves curses mode, stops the process (as Ctrl-Z would) and, once continued, returns to
   curses mode; the caller redraws everything. */
void cn_suspend(void);
/* Marks curses mode active or not, so the handlers only call endwin when it is. */
void cn_set_active(int active);
/* Whether curses mode is active and has a screen (every drawing and reading call checks it). */
int cn_is_active(void);
/* Saves the terminal's settings before curses changes them (restored by signal handlers with tcsetattr). */
void cn_save_tty(void);
/* Prepares, after newterm, the bytes a signal handler writes to leave curses mode (mouse off, sgr0, cnorm, rmcup). */
void cn_prepare_emergency_restore(void);
/* Starts (once) a thread that ends the process with 128 + the signal when an orderly quit asked for by SIGINT,
   SIGTERM or SIGHUP has not finished within grace_seconds. */
void cn_start_quit_watchdog(int grace_seconds);
/* Whether the terminal has an alternate screen (smcup). */
int cn_has_alternate_screen(void);

#endif

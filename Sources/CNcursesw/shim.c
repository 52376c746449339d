#include "cncursesw.h"
#include <ncursesw/term.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
void cn_flush_stdout(void) { fflush(stdout); }
WINDOW *cn_stdscr(void) { return stdscr; }
WINDOW *cn_curscr(void) { return curscr; }
int cn_lines(void) { return LINES; }
int cn_cols(void) { return COLS; }
int cn_colors(void) { return COLORS; }
int cn_color_pairs(void) { return COLOR_PAIRS; }
void cn_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    if (win != NULL) { getmaxyx(win, y, x); }
    *rows = y;
    *cols = x;
}
const char *cn_codeset(void) { return nl_langinfo(CODESET); }

int cn_term_can_address(void) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) { return -1; }
    char *cup = tigetstr((char *)"cup");
    int ok = cup != NULL && cup != (char *)-1 && cup[0] != '\0';
    TERMINAL *probe = cur_term;
    if (probe != saved) {
        set_curterm(saved);
        del_curterm(probe);
    }
    return ok ? 1 : 0;
}

int cn_get_wch(wint_t *out) {
    if (!cn_is_active()) { return ERR; }
    return get_wch(out);
}

mmask_t cn_mouse(int on) {
    mmask_t mask = on ? (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
                         | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t old = 0;
    mmask_t got = mousemask(mask, &old);
    if (on) { mouseinterval(0); }
    return got;
}

int cn_getmouse(int *y, int *x, mmask_t *bstate) {
    MEVENT ev;
    memset(&ev, 0, sizeof ev);
    int rc = getmouse(&ev);
    *y = ev.y;
    *x = ev.x;
    *bstate = ev.bstate;
    return rc;
}

int cn_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    if (!cn_is_active()) { return ERR; }
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, text, attrs, (short)pair, NULL) == ERR) { return ERR; }
    return mvwadd_wchnstr(stdscr, y, x, &cell, 1);
}

/* ---- signals ---- */

static volatile sig_atomic_t cn_active_flag = 0;
static volatile sig_atomic_t cn_suspend_flag = 0;
static volatile sig_atomic_t cn_quit_flag = 0;
static volatile sig_atomic_t cn_installed = 0;
static volatile int cn_wake_fd = -1;
static int cn_atexit_done = 0;

static const int cn_terminating[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int cn_crashing[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
static struct sigaction cn_old_terminating[4];
static struct sigaction cn_old_crashing[6];
static struct sigaction cn_old_winch;
static struct sigaction cn_old_tstp;

void cn_set_active(int active) { cn_active_flag = active ? 1 : 0; }
int cn_is_active(void) { return cn_active_flag && stdscr != NULL; }

/* What a signal handler may do to give the terminal back: no curses call (curses is not async-signal-safe, and
   another thread may be inside it), only write(2) of bytes prepared in advance and tcsetattr(3). */
static struct termios cn_saved_tty;
static volatile sig_atomic_t cn_have_saved_tty = 0;
static char cn_reset_bytes[512];
static size_t cn_reset_length = 0;

void cn_save_tty(void) {
    if (tcgetattr(STDIN_FILENO, &cn_saved_tty) == 0) { cn_have_saved_tty = 1; }
}

static void cn_append_reset(const char *cap) {
    char *seq = tigetstr((char *)cap);
    if (seq == NULL || seq == (char *)-1) { return; }
    size_t n = strlen(seq);
    if (cn_reset_length + n >= sizeof cn_reset_bytes) { return; }
    memcpy(cn_reset_bytes + cn_reset_length, seq, n);
    cn_reset_length += n;
}

void cn_prepare_emergency_restore(void) {
    cn_reset_length = 0;
    static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
    memcpy(cn_reset_bytes, mouse_off, sizeof mouse_off - 1);
    cn_reset_length = sizeof mouse_off - 1;
    cn_append_reset("sgr0");
    cn_append_reset("cnorm");
    cn_append_reset("rmcup");
}

int cn_has_alternate_screen(void) {
    char *seq = tigetstr((char *)"smcup");
    return seq != NULL && seq != (char *)-1 && seq[0] != '\0';
}

static void cn_emergency_restore(void) {
    if (!cn_active_flag) { return; }
    cn_active_flag = 0;
    if (cn_reset_length > 0) {
        ssize_t rc = write(STDOUT_FILENO, cn_reset_bytes, cn_reset_length);
        (void)rc;
    }
    if (cn_have_saved_tty) { tcsetattr(STDIN_FILENO, TCSANOW, &cn_saved_tty); }
}

/* Outside signal handlers (atexit, Ctrl-Z on the UI thread): a real endwin. */
static void cn_restore_terminal(void) {
    if (cn_active_flag) {
        cn_active_flag = 0;
        if (stdscr != NULL) { endwin(); }
    }
}

static void cn_restore_terminal_at_exit(void) {
    /* exit() may be called from any thread while the UI thread is inside curses: bytes and termios only. */
    cn_emergency_restore();
}

static void cn_wake(void) {
    int fd = cn_wake_fd;
    if (fd >= 0) {
        char byte = 1;
        ssize_t rc = write(fd, &byte, 1);
        (void)rc;
    }
}

static struct sigaction *cn_old_for(int sig) {
    for (int i = 0; i < 4; i++) { if (cn_terminating[i] == sig) { return &cn_old_terminating[i]; } }
    for (int i = 0; i < 6; i++) { if (cn_crashing[i] == sig) { return &cn_old_crashing[i]; } }
    return NULL;
}

/* Restores the terminal, puts back the previous disposition and re-raises: the signal stays blocked
   until this handler returns, then the previous handler (or the default action) takes it. */
static void cn_on_fatal(int sig) {
    int saved = errno;
    cn_emergency_restore();
    struct sigaction *old = cn_old_for(sig);
    if (old != NULL) {
        sigaction(sig, old, NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
    errno = saved;
}

/* The first quit signal and when it came (monotonic seconds), for the watchdog. */
static volatile sig_atomic_t cn_quit_seen = 0;
static volatile long cn_quit_seen_at = 0;
static int cn_watchdog_started = 0;

static long cn_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec;
}

/* First SIGINT/SIGTERM/SIGHUP: ask the UI to quit in order; a second one while that is pending is fatal. */
static void cn_on_interrupt(int sig) {
    if (cn_quit_flag) {
        cn_on_fatal(sig);
        return;
    }
    int saved = errno;
    cn_quit_flag = sig;
    if (!cn_quit_seen) {
        cn_quit_seen_at = cn_monotonic_seconds();
        cn_quit_seen = sig;
    }
    cn_wake();
    errno = saved;
}

/* Ends the process if an orderly quit asked for by a signal has not finished within the grace period: whatever
   it waits for (a stuck request, a lost wake-up), a terminal that went away must not leave the app running. */
static void *cn_watchdog(void *arg) {
    long grace = (long)(intptr_t)arg;
    for (;;) {
        usleep(200000);
        int sig = cn_quit_seen;
        if (sig && cn_monotonic_seconds() - cn_quit_seen_at >= grace) {
            cn_emergency_restore();
            _exit(128 + sig);
        }
    }
    return NULL;
}

void cn_start_quit_watchdog(int grace_seconds) {
    if (cn_watchdog_started) { return; }
    cn_watchdog_started = 1;
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    /* The watchdog must not take signals meant for the app. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_create(&thread, &attr, cn_watchdog, (void *)(intptr_t)grace_seconds);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
}

static void cn_on_winch(int sig) {
    int saved = errno;
    if (cn_old_winch.sa_flags & SA_SIGINFO) {
        if (cn_old_winch.sa_sigaction != NULL) { cn_old_winch.sa_sigaction(sig, NULL, NULL); }
    } else if (cn_old_winch.sa_handler != SIG_DFL && cn_old_winch.sa_handler != SIG_IGN
               && cn_old_winch.sa_handler != NULL) {
        cn_old_winch.sa_handler(sig);
    }
    cn_wake();
    errno = saved;
}

static void cn_on_tstp(int sig) {
    (void)sig;
    int saved = errno;
    cn_suspend_flag = 1;
    cn_wake();
    errno = saved;
}

void cn_install_signal_handlers(int wake_fd) {
    cn_wake_fd = wake_fd;
    if (!cn_atexit_done) {
        cn_atexit_done = 1;
        atexit(cn_restore_terminal_at_exit);
    }
    if (cn_installed) { return; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = cn_on_fatal;
    struct sigaction interrupt;
    memset(&interrupt, 0, sizeof interrupt);
    sigemptyset(&interrupt.sa_mask);
    interrupt.sa_handler = cn_on_interrupt;
    for (int i = 0; i < 4; i++) {
        int sig = cn_terminating[i];
        /* A hang-up (the SSH session or the tmux pane went away) ends the app in order too, from the UI thread:
           restoring from the handler raced with a redraw on the UI thread (a crash inside ncurses). */
        sigaction(sig, (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) ? &interrupt : &sa, &cn_old_terminating[i]);
    }
    for (int i = 0; i < 6; i++) { sigaction(cn_crashing[i], &sa, &cn_old_crashing[i]); }
    struct sigaction winch;
    memset(&winch, 0, sizeof winch);
    sigemptyset(&winch.sa_mask);
    winch.sa_handler = cn_on_winch;
    winch.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &winch, &cn_old_winch);
    struct sigaction tstp;
    memset(&tstp, 0, sizeof tstp);
    sigemptyset(&tstp.sa_mask);
    tstp.sa_handler = cn_on_tstp;
    tstp.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &tstp, &cn_old_tstp);
    cn_installed = 1;
}

void cn_remove_signal_handlers(void) {
    if (!cn_installed) { return; }
    for (int i = 0; i < 4; i++) { sigaction(cn_terminating[i], &cn_old_terminating[i], NULL); }
    for (int i = 0; i < 6; i++) { sigaction(cn_crashing[i], &cn_old_crashing[i], NULL); }
    sigaction(SIGWINCH, &cn_old_winch, NULL);
    sigaction(SIGTSTP, &cn_old_tstp, NULL);
    cn_installed = 0;
    cn_wake_fd = -1;
}

int cn_take_quit_request(void) {
    int sig = cn_quit_flag;
    if (sig) {
        cn_quit_flag = 0;
    }
    return sig;
}

int cn_take_suspend_request(void) {
    if (cn_suspend_flag) {
        cn_suspend_flag = 0;
        return 1;
    }
    return 0;
}

void cn_suspend(void) {
    cn_restore_terminal();
    struct sigaction dfl, mine;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &mine);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &set, &old);
    raise(SIGTSTP); /* the process stops here until SIGCONT */
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGTSTP, &mine, NULL);
    cn_active_flag = 1;
    if (stdscr != NULL) { refresh(); }
}

#include "cncursesw.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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

int cn_get_wch(wint_t *out) { return get_wch(out); }

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

static void cn_restore_terminal(void) {
    if (cn_active_flag) {
        cn_active_flag = 0;
        endwin();
    }
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
    cn_restore_terminal();
    struct sigaction *old = cn_old_for(sig);
    if (old != NULL) {
        sigaction(sig, old, NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
    errno = saved;
}

/* First SIGINT/SIGTERM: ask the UI to quit in order; a second one while that is pending is fatal. */
static void cn_on_interrupt(int sig) {
    if (cn_quit_flag) {
        cn_on_fatal(sig);
        return;
    }
    int saved = errno;
    cn_quit_flag = sig;
    cn_wake();
    errno = saved;
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
        atexit(cn_restore_terminal);
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
        sigaction(sig, (sig == SIGINT || sig == SIGTERM) ? &interrupt : &sa, &cn_old_terminating[i]);
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
    refresh();
}

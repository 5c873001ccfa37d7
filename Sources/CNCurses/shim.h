#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

// The wide-character API (cchar_t, add_wch, wget_wch, setcchar) needs this before <curses.h>;
// SwiftPM drops the -D flags of ncursesw.pc, so it is defined here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift does not import.
static inline attr_t nc_a_bold(void)       { return A_BOLD; }
static inline attr_t nc_a_reverse(void)    { return A_REVERSE; }
static inline attr_t nc_a_underline(void)  { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void)        { return A_DIM; }
static inline attr_t nc_a_italic(void)     { return A_ITALIC; }
static inline int    nc_key_f(int n)       { return KEY_F(n); }
/// A character of the terminal's line-drawing set, by its VT100 name ('q' a horizontal line...).
static inline chtype nc_acs(char c)        { return NCURSES_ACS(c); }

#endif

#!/usr/bin/env bash
# End-to-end test of the full-screen interface: the real `trcaa` binary, run from an
# interactive shell in a private tmux server, as a user would over SSH. The pane has a pinned
# size, TERM=tmux-256color, LANG=C.UTF-8, TZ=UTC, a fresh HOME and data directory. Keys go in
# with send-keys; screens come back with capture-pane. Every wait polls with a timeout.
#
# Usage: Tests/EndToEnd/tui-in-tmux.sh path/to/trcaa
set -euo pipefail

binary=$(realpath "${1:?usage: $0 path/to/trcaa}")
work=$(mktemp -d "${TMPDIR:-/tmp}/trcaa-e2e.XXXXXX")
socket=""
target=t
passed=0
shells=0
# shellcheck source=Tests/EndToEnd/tmux-driver.sh
source "$(dirname "$0")/tmux-driver.sh"

cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/bin" "$work/home"
ln -s "$binary" "$work/bin/trcaa"
# The scripted $VISUAL: adds a line to the file it is given.
cat > "$work/bin/scripted-editor" <<'EOF'
#!/bin/sh
printf 'Customers in Japan hit 502 at checkout.\n' >> "$1"
EOF
chmod +x "$work/bin/scripted-editor"
# The scripted $PAGER: keeps a copy of what it was given to show.
printf '#!/bin/sh\ncp "$1" "$PAGED_COPY"\n' > "$work/bin/scripted-pager"
chmod +x "$work/bin/scripted-pager"
# `run ARGS` starts trcaa, then prints its exit status and whether the terminal modes it
# found are the ones it left.
cat > "$work/shellrc" <<'EOF'
PS1='$ '
run() {
    local modes status
    modes=$(stty -g)
    trcaa "$@"
    status=$?
    if [ "$(stty -g)" = "$modes" ]; then modes=restored; else modes=CHANGED; fi
    echo "exit=$status tty=$modes"
}
EOF

# start_shell WIDTH HEIGHT [VAR=value...]: a new server (on a socket of its own: the last one
# may still be shutting down) with a shell in a pane of that size.
start_shell() {
    stop_server
    shells=$((shells + 1))
    socket="trcaa-e2e-$$-$shells"
    local width=$1 height=$2
    shift 2
    tm -f /dev/null new-session -d -s t -x "$width" -y "$height" \
        env -i HOME="$work/home" TRCAA_DATA_DIR="$work/data" TERM=tmux-256color LANG=C.UTF-8 TZ=UTC \
        TRCAA_DB_KEY=e2e-key PATH="$work/bin:/usr/bin:/bin" "$@" bash --rcfile "$work/shellrc" -i
    tm set-option -t t status off
    wait_for '$'
}

trcaa_pid() { pgrep -P "$(pane '#{pane_pid}')" -x trcaa; }

echo "# tmux $(tmux -V | cut -d' ' -f2), trcaa at $binary"

# --- a first run: create an issue, work it, resize, editor, quit ---------------------------
start_shell 80 24 VISUAL=scripted-editor
type_line "run"
wait_for "Welcome to trcaa"
wait_for "Data   $work/data"
wait_for "Key    environment variable TRCAA_DB_KEY"
expect_pane '#{alternate_on}' 1 "the interface uses the alternate screen"
ok "first run on an empty database shows the welcome screen with the data directory and key"

keys a
wait_for "New issue"
text "Checkout returns 502 for 日本 users"
keys Tab C-u
text "P1"
keys C-s
wait_for "created “Checkout returns 502 for 日本 users”"
wait_for "P1  open"
ok "an issue created through the form appears in the list"

# An idle interface stays open: the clock ticks every second, and four ticks without a key once
# ended the program. This is the one wait on time itself.
sleep 5
[ -n "$(trcaa_pid)" ] || fail "trcaa ended while idle"
ok "idle for five seconds, still running"

keys Enter
wait_for "1 Overview"
wait_for "Title       Checkout returns 502 for 日本 users"
keys e
wait_for "Description Customers in Japan hit 502 at checkout."
expect_pane '#{alternate_on}' 1 "the interface took the terminal back after the editor"
ok "e opens \$VISUAL with the terminal handed over, and the edit is saved"

keys 2 a
wait_for "Why #1"
keys Tab
text "The payment gateway timed out"
keys C-s
wait_for "→ The payment gateway timed out"
keys c
wait_for "How sure are you that #1 is the root cause?"
keys Enter
wait_for "★ root cause"
keys 3
wait_for "Root Cause Identified"
wait_for "Why Level Advanced"
ok "a why added and marked as the root cause shows in the timeline at once"

keys s
wait_for "investigating"
keys j j Enter
wait_for "[investigating]"
ok "s changes the status"

tm resize-window -t t -x 200 -y 60
wait_for_row 60 "trcaa.db · key: env"
wait_for_row 3 "1 Overview  2 5-Whys (1)  3 Timeline (3)  4 Logs  5 Images  6 Documents"
tm resize-window -t t -x 50 -y 12
wait_for "terminal too small"
wait_for "now 50x12"
tm resize-window -t t -x 80 -y 24
wait_until_gone "terminal too small"
wait_for_row 24 "trcaa.db · key: env"
ok "resizing to 200x60, 50x12 and back to 80x24 redraws at each size"

keys q
wait_for "Checkout returns 502 for 日本 users"
wait_for "1 issue · sort: updated"
keys q
wait_for "exit=0 tty=restored"
expect_pane '#{alternate_on}' 0 "the alternate screen was left"
expect_pane '#{cursor_flag}' 1 "the cursor is visible again"
ok "q on the list quits with status 0 and restores the terminal"

# --- Ctrl-z suspends to the shell, fg resumes --------------------------------------------
start_shell 100 30
type_line "trcaa"
wait_for "1 issue · sort: updated"
keys C-z
wait_for "Stopped"
expect_pane '#{alternate_on}' 0 "Ctrl-z leaves the alternate screen"
type_line "fg"
wait_for "1 issue · sort: updated"
expect_pane '#{alternate_on}' 1 "fg returns to the full screen"
keys Q
wait_until_gone "1 issue · sort: updated"
type_line 'echo "exit=$?"'
wait_for "exit=0"
ok "Ctrl-z suspends to the shell and fg resumes the interface"

# --- other terminals change the store while the interface is open ---------------------------
# `elsewhere ARGS`: trcaa run outside the pane, on the same store, as from another terminal.
elsewhere() { env -i HOME="$work/home" TRCAA_DATA_DIR="$work/data" TRCAA_DB_KEY=e2e-key "$binary" "$@"; }
start_shell 80 24
type_line "trcaa"
wait_for "1 issue · sort: updated"
number=$(elsewhere issue new "Made in another terminal")
wait_for "Made in another terminal" 5
wait_for "2 issues · sort: updated" 5
ok "an issue created in another terminal appears in the open interface within seconds"
keys Enter  # the cursor stayed on the first issue; its detail opens
wait_for "Title       Checkout returns 502 for 日本 users"
keys q
elsewhere issue delete "$number" --yes >/dev/null
wait_until_gone "Made in another terminal"
wait_for "1 issue · sort: updated" 5
keys Q
wait_until_gone "1 issue · sort: updated"
ok "an issue deleted in another terminal leaves the open interface"

# --- signals --------------------------------------------------------------------------------
start_shell 80 24
for signal in TERM:143 HUP:129 INT:130; do
    type_line "clear; run"
    wait_for "1 issue · sort: updated"
    kill -"${signal%:*}" "$(trcaa_pid)"
    wait_for "exit=${signal#*:} tty=restored"
    expect_pane '#{alternate_on}' 0 "SIG${signal%:*} leaves the alternate screen"
    ok "SIG${signal%:*} ends it with status ${signal#*:} and restores the terminal"
done

type_line "run"
wait_for "1 issue · sort: updated"
keys C-c
wait_for "exit=0 tty=restored"
ok "Ctrl-c quits with status 0 and restores the terminal"

# --- terminals and keys it cannot use ---------------------------------------------------------
type_line "TERM=dumb run"
wait_for "trcaa: the terminal type dumb cannot show the full-screen interface"
wait_for "exit=69 tty=restored"
ok "TERM=dumb gets a message and status 69"

type_line "TERM=no-such-terminal run"
wait_for "TERM=no-such-terminal is unknown here; using xt"
wait_for "1 issue · sort: updated"
keys Q
wait_for "exit=0 tty=restored"
ok "an unknown TERM falls back to xterm-256color and says so"

type_line "TRCAA_DB_KEY=not-the-key run"
wait_for "trcaa: the database key does not open"
wait_for "exit=77 tty=restored"
ok "a wrong key gets a message and status 77"

# --- a locale without UTF-8, a terminal without an alternate screen ----------------------------
type_line "LC_ALL=C run"
wait_for "1 issue - sort: updated"
screen | grep -q "›" && fail "LC_ALL=C still draws UTF-8 (›)"
keys Q
wait_for "exit=0 tty=restored"
ok "LC_ALL=C draws ASCII (and the terminal's own line-drawing characters)"

tm send-keys -t t "clear" Enter
type_line "TERM=vt100 run"
wait_for "1 issue · sort: updated"
keys Q
wait_for "exit=0 tty=restored"
screen | grep -q "key: env" && fail "TERM=vt100 left the status bar on the screen"
ok "TERM=vt100 (no alternate screen) leaves nothing behind"

# --- NO_COLOR ---------------------------------------------------------------------------------
type_line "NO_COLOR=1 run"
wait_for "1 issue · sort: updated"
colours=$(tm capture-pane -e -p -t t | grep -cE $'\e\\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]' || true)
[ "$colours" = 0 ] || fail "NO_COLOR still draws colours on $colours rows"
keys Q
wait_for "exit=0 tty=restored"
type_line "run"
wait_for "1 issue · sort: updated"
colours=$(tm capture-pane -e -p -t t | grep -cE $'\e\\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]' || true)
[ "$colours" -gt 0 ] || fail "without NO_COLOR there should be colours"
keys Q
wait_for "exit=0 tty=restored"
ok "NO_COLOR draws without colours (and the default draws with them)"

# --- demo data, read from the resource bundle next to the binary --------------------------------
type_line "TRCAA_DATA_DIR=$work/demo run"
wait_for "Welcome to trcaa"
keys d
wait_for "loaded 4 demo issues"
wait_for "Checkout API returns 502"
keys Q
wait_for "exit=0 tty=restored"
ok "d on the welcome screen loads the demo issues"

# --- the log viewer on a log imported with the CLI ----------------------------------------------
logs="$work/logs"
cli() { env -i HOME="$work/home" TRCAA_DATA_DIR="$logs" TRCAA_DB_KEY=e2e-key LANG=C.UTF-8 "$binary" "$@"; }
# 2000 sshd lines: failed logins from changing addresses, one accepted password near the end.
awk 'BEGIN { for (n = 1; n <= 2000; n++) {
    ip = sprintf("173.234.%d.%d", n % 200, (n * 7) % 250)
    if (n == 1500) printf "Dec 10 10:%02d:00 LabSZ sshd[%d]: Accepted password for fztu from %s port 22\n", n % 60, 24000 + n, ip
    else printf "Dec 10 10:%02d:00 LabSZ sshd[%d]: Failed password for invalid user admin from %s port 22\n", n % 60, 24000 + n, ip
} }' > "$work/sshd.log"
issue=$(cli issue new "SSH brute force" --description "Failed logins from 173.234.1.7 and others")
cli log import "$issue" "$work/sshd.log" -q >/dev/null
type_line "clear; TRCAA_DATA_DIR=$logs PAGER=scripted-pager PAGED_COPY=$work/paged.txt run"
wait_for "SSH brute force"
keys Enter
wait_for "1 Overview"
keys 4
wait_for "sshd.log"
keys Enter
wait_for "line 1 of 2000 lines"
wait_for "IPv4 "
keys G
wait_for "line 2000 of 2000 lines"
wait_for "2000 Dec 10 10:20:00 LabSZ sshd[26000]: Failed password for invalid user admin"
keys g /
wait_for "/ search text:"
text "Accepted password"
keys Enter
wait_for "line 1500 of 2000 lines"
wait_for "Accepted password for fztu"
keys r
wait_for "REDACTED"
wait_for "from [IPv4]"
keys o
wait_for_file "$work/paged.txt"
grep -q "Accepted password for fztu from \[IPv4\]" "$work/paged.txt" || fail "the pager did not get the redacted view"
wait_for "REDACTED"
keys m A
wait_for "+ a new why"
keys Escape
wait_until_gone "+ a new why"
ok "the log viewer opens a stored log, G goes to its end, / finds text, r shows it redacted, o pages it"

# Numbered tokens, stacked filters, top values, the message log.
keys '#'
wait_for "REDACTED #"
wait_for "from [IPv4#"
keys r g f
text "Failed password"
keys Enter
wait_for "1 of 1999 lines with “Failed"
keys f
text "Accepted"
keys Enter
wait_for "1 of 2000 lines · 2 filters"
keys f
text "!173.234.1."
keys Enter
wait_for "of 1990 lines · 3 filters"
keys Tab
wait_for "out  173.234.1."
keys Escape
wait_until_gone "out  173.234.1."
keys F
wait_for "line 2 of 2000 lines"
keys v
wait_for "IPv4 in sshd.log: top"
keys Enter
wait_for "lines with “173.234."
keys F
wait_for "of 2000 lines"
keys @
wait_for "messages this session, newest first"
ok "filters stack (Tab lists them), v ranks an address type's values and Enter filters to one, # numbers tokens, @ keeps messages"
keys q
# The log's kinds of message: the brute force is one pattern, the accepted login a rare one.
wait_for "of 2000 lines"
keys p
wait_for "2 patterns in 2000 lines of sshd.log"
keys o
wait_for "by rare"
keys Enter
wait_for "1 of 1 line"
wait_for "Accepted password for fztu"
keys F
wait_for "of 2000 lines"
ok "p lists the log's kinds of message; sorted by rarity, Enter shows the rare one's lines"

# --- a messy log: blank lines, CRLF, invalid UTF-8, control characters, tabs, wide glyphs, a 40 KB line
{
    printf 'first line\r\n\r\n\n'
    printf 'bad bytes \377\376 here\n'
    printf 'bell \a escape \033[31m red\ttabbed\n'
    printf '日本語のログ 行 and emoji 🚀 mixed\n'
    head -c 40000 /dev/zero | tr '\0' 'x'
    printf '\nlast line\n'
} > "$work/messy.log"
cli log import "$issue" "$work/messy.log" -q >/dev/null
# Imported by another process: Ctrl-l reloads.
keys q C-l
wait_for "4 Logs (2)"
keys j Enter
wait_for "line 1 of 8 lines"
wait_for "日本語のログ"
keys G
wait_for "line 8 of 8 lines"
wait_for "last line"
keys k
wait_for "line 7 of 8 lines"
wait_for "    4 bad bytes"
keys t
wait_for "wrap"
wait_for "    7 xxxxxxxx"
keys q
wait_for "4 Logs (2)"
keys k Enter
wait_for "line 1 of 2000 lines"
ok "a messy log (blank lines, CRLF, bad UTF-8, control characters, wide glyphs, a 40 KB line) is drawn whole"

# --- a 100 MB log imported from the interface, then read at its end -------------------------------
# 1 000 000 lines, one fatal error near the end.
awk 'BEGIN { for (n = 1; n <= 1000000; n++) {
    ip = sprintf("10.%d.%d.%d", n % 250, (n * 7) % 250, (n * 13) % 250)
    what = n == 987654 ? "ERROR fatal: buffer overflow" : "Accepted publickey for deploy"
    printf "2026-11-23 %02d:%02d:%02d sshd[%d]: %s from %s port 22\n", n / 3600 % 24, n / 60 % 60, n % 60, n, what, ip
} }' > "$work/big.log"
keys q
wait_for "4 Logs (2)"
keys a
wait_for "Import a log"
text "$work/big.log"
keys Enter
wait_for "importing big.log"
keys C-c
wait_for "stopped importing big.log; nothing was stored"
wait_for "4 Logs (2)"
[ "$(cli log list --json | grep -c '"file_name" : "big.log"')" = 0 ] || fail "a stopped import stored a log"
ok "Ctrl-c stops an import under way: nothing is stored, the interface goes on"

keys a
wait_for "Import a log"
text "$work/big"
keys Tab
wait_for "big.log"
keys Enter
wait_for "imported big.log: 1000000 lines" 300
keys j j Enter
wait_for "line 1 of 1000000 lines"
keys G
wait_for "line 1000000 of 1000000 lines"
keys g e
wait_for "line 987654 of 1000000 lines"
wait_for "ERROR fatal: buffer overflow"
keys g
wait_for "line 1 of 1000000 lines"
keys /
text "buffer overflow"
keys Enter
wait_for "line 987654 of 1000000 lines" 60
keys r
wait_for "REDACTED"
keys q
wait_for "4 Logs (3)"
ok "a 100 MB log imported from the interface opens at once; G reaches its end, e and / its only error"

# --- the RCA: generated, read and exported as PDF from the Documents tab -----------------------
keys 6 g
wait_for "Post-mortem"
keys Enter
wait_for "generated the RCA" 60
keys Enter
wait_for "Root Cause Analysis: SSH brute force"
keys x
wait_for "PDF (.pdf)"
keys j j Enter
wait_for "Export as PDF"
keys Down C-u
text "$work/out"
mkdir -p "$work/out"
keys Enter
wait_for "exported $work"
[ -s "$work/out/1_RCA__SSH_brute_force.pdf" ] || fail "no PDF at $work/out/1_RCA__SSH_brute_force.pdf"
pdftotext "$work/out/1_RCA__SSH_brute_force.pdf" - | grep -q "Root Cause Analysis: SSH brute force" \
    || fail "the exported PDF does not hold the RCA's heading"
ok "the RCA is generated, read and exported as a PDF that pdftotext reads"

# Again, redacted: the dialog starts in the directory of the first export.
keys x
wait_for "PDF (.pdf)"
keys j j Enter
wait_for "Directory  $work/out"
keys C-u
text "redacted"
keys Down Enter
wait_for_file "$work/out/1_RCA__SSH_brute_force_redacted.pdf"
redacted=$(pdftotext "$work/out/1_RCA__SSH_brute_force_redacted.pdf" -)
grep -q "Failed logins from \[IPv4\]" <<<"$redacted" || fail "the redacted PDF lacks the address's token"
! grep -Eq '([0-9]{1,3}\.){3}[0-9]{1,3}' <<<"$redacted" || fail "the redacted PDF holds an IPv4 address"
keys q q q q
wait_for "exit=0 tty=restored"
ok "exported again, redacted, into the same directory: no address in the PDF"

# --- the incident in incident time: events from log lines, a mitigation by hand, the post-mortem -----
# The real OpenSSH sample when the shared data is there, else the generated sshd log.
attack_log="$(dirname "$0")/../../../shared/data/loghub/OpenSSH_2k.log"
[ -f "$attack_log" ] || attack_log="$work/sshd.log"
attack=$(cli issue new "SSH attack on LabSZ")
cli log import "$attack" "$attack_log" -q >/dev/null
type_line "clear; TRCAA_DATA_DIR=$logs run"
wait_for "SSH attack on LabSZ"
keys Enter
wait_for "1 Overview"
wait_for "no events in incident time yet"
keys 4 Enter
wait_for "line 1 of 2000 lines"
keys m j m j m
wait_for "3 marks"
keys T
wait_for "The 3 marked lines are incident events of which kind?"
keys Enter
wait_for "added 3 incident events to the timeline"
keys q 3
wait_for "◆ Impact started"
keys a
wait_for "Add an incident event"
text "+4h8m"
keys Tab C-u
text "mitigated"
keys Down
text "Source address blocked at the firewall"
keys C-s
wait_for "◆ Mitigated"
keys 1
wait_for "duration 4h 8m (to mitigation; not resolved yet)"
keys 7 a
wait_for "Add an action item"
text "Rate-limit sshd logins with fail2ban"
keys Tab
text "alice"
keys C-s
wait_for "☐ open  alice"
ok "three marked lines become incident events, a mitigation added by hand gives the duration, an action item has its owner"

keys 6 g
wait_for "Post-mortem"
keys j Enter
wait_for "generated the Post-mortem"
keys Enter
wait_for "Blameless Post-Mortem: SSH attack on LabSZ"
keys x
wait_for "Markdown (.md)"
keys Enter
wait_for "Export as Markdown"
keys Down C-u
mkdir -p "$work/out"
text "$work/out"
keys Enter
wait_for "exported $work"
exported="$work/out/2_Post-Mortem__SSH_attack_on_LabSZ.md"
[ -s "$exported" ] || fail "no post-mortem at $exported"
grep -q "| Impact started |" "$exported" || fail "the post-mortem has no incident timeline"
grep -q "Time to detect" "$exported" || fail "the post-mortem has no detection figures"
grep -q "| P2 | Rate-limit sshd logins with fail2ban | alice |" "$exported" || fail "the post-mortem has no action item"
grep -q '^OpenSSH_2k.log:1: \|^sshd.log:1: ' "$exported" || fail "the evidence lines are not quoted"
grep -Eq '([0-9]{1,3}\.){3}[0-9]{1,3}' "$exported" || fail "the plain post-mortem should quote the addresses"
# The redacted post-mortem, as a reviewer outside the team gets it: no address anywhere.
keys x
wait_for "Markdown (.md)"
keys Enter
wait_for "Directory  $work/out"
keys C-u
text "redacted"
keys Down Enter
redacted_pm="$work/out/2_Post-Mortem__SSH_attack_on_LabSZ_redacted.md"
wait_for_file "$redacted_pm"
grep -q "| Impact started |" "$redacted_pm" || fail "the redacted post-mortem lost its timeline"
grep -q '\[IPv4\]' "$redacted_pm" || fail "the redacted post-mortem has no address token"
! grep -Eq '([0-9]{1,3}\.){3}[0-9]{1,3}' "$redacted_pm" || fail "the redacted post-mortem holds an IPv4 address"
[ "$(stat -c %a "$redacted_pm")" = 600 ] || fail "the export is not private (0600)"
keys q q q q
wait_for "exit=0 tty=restored"
ok "the post-mortem reads as an incident report (timeline in incident time, figures, quoted evidence, action items); redacted, it holds no address"

echo "# $passed passed"

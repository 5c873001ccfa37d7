# Drives the real `trcaa` in a private tmux server, as a user would over SSH: keys go in with
# send-keys, screens come back with capture-pane, and every wait polls with a timeout.
# Sourced by the end-to-end scripts, which set `socket` (the server) and `target` (the session
# the helpers type into and read), and count passes in `passed`.

tm() { tmux -L "$socket" "$@"; }
stop_server() { [ -z "$socket" ] || tm kill-server 2>/dev/null || true; }

fail() {
    echo "not ok - $1" >&2
    echo "--- the screen of $target was:" >&2
    tm capture-pane -p -t "$target" >&2 || true
    exit 1
}

ok() { passed=$((passed + 1)); echo "ok $passed - $1"; }

screen() { tm capture-pane -p -t "$target"; }

# until_true SECONDS WHAT COMMAND...: runs COMMAND every 50 ms until it succeeds; after
# SECONDS, fails saying what it waited for.
until_true() {
    local deadline=$((SECONDS + $1)) what=$2
    shift 2
    while ((SECONDS < deadline)); do
        "$@" && return 0
        sleep 0.05
    done
    fail "timed out waiting for $what"
}

shows() { screen | grep -qF -- "$1"; }
hides() { ! shows "$1"; }
row_shows() { screen | sed -n "${1}p" | grep -qF -- "$2"; }

# wait_for TEXT [SECONDS], wait_until_gone TEXT, wait_for_row ROW TEXT, wait_for_file PATH.
wait_for() { until_true "${2:-15}" "“$1”" shows "$1"; }
wait_until_gone() { until_true 15 "“$1” to go" hides "$1"; }
wait_for_row() { until_true 15 "“$2” on row $1" row_shows "$1" "$2"; }
wait_for_file() { until_true 15 "the file $1" test -e "$1"; }

# pane FORMAT: a tmux format for the pane, e.g. '#{alternate_on}'.
pane() { tm display -p -t "$target" "$1"; }

expect_pane() { [ "$(pane "$1")" = "$2" ] || fail "$3 ($1 is $(pane "$1"), expected $2)"; }

# type_line TEXT: types TEXT literally and presses Enter.
type_line() { tm send-keys -t "$target" -l "$1"; tm send-keys -t "$target" Enter; }

# keys KEY...: sends tmux key names (a, Enter, Escape, C-s); callers then wait for what the
# keys should show.
keys() { tm send-keys -t "$target" "$@"; }

# text TEXT: types TEXT literally, without Enter.
text() { tm send-keys -t "$target" -l "$1"; }

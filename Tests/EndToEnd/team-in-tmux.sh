#!/usr/bin/env bash
# Two analysts on one PostgreSQL store, each in a terminal of their own at 80x24 (issue #19):
# alice creates an issue and imports a log, bob sees it appear and adds a why with evidence,
# alice sees the why; both edit the title and the second to save is told; the RCA is generated
# and exported; `db copy` takes the incident to a file, where `audit verify` holds.
#
# Usage: Tests/EndToEnd/team-in-tmux.sh path/to/trcaa   (needs PostgreSQL 15: scripts/setup)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$(realpath "${1:?usage: $0 path/to/trcaa}")
work=$(mktemp -d "${TMPDIR:-/tmp}/trcaa-team.XXXXXX")
socket="trcaa-team-$$"
target=alice
passed=0
# shellcheck source=Tests/EndToEnd/tmux-driver.sh
source "$(dirname "$0")/tmux-driver.sh"

eval "$("$repo/scripts/pg-test-cluster" start)"
cleanup() {
    stop_server
    "$repo/scripts/pg-test-cluster" stop "$TRCAA_TEST_PG_HOST" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
url="postgres:///trcaa_test?host=$TRCAA_TEST_PG_HOST&port=$TRCAA_TEST_PG_PORT&user=$TRCAA_TEST_PG_USER"
mkdir -p "$work/bin" "$work/alice" "$work/bob" "$work/out"
ln -s "$binary" "$work/bin/trcaa"

# analyst NAME: NAME's own terminal at 80x24 (a tmux session) with a shell, on the team's store.
analyst() {
    tm -f /dev/null new-session -d -s "$1" -x 80 -y 24 \
        env -i HOME="$work/$1" TERM=tmux-256color LANG=C.UTF-8 TZ=UTC TRCAA_USER="$1" TRCAA_DATABASE_URL="$url" \
        TRCAA_DB_KEY=team-key PATH="$work/bin:/usr/bin:/bin" PS1='$ ' bash --norc -i
    tm set-option -t "$1" status off
}
# as NAME: what follows types into NAME's terminal and reads it.
as() { target=$1; }
# from NAME ARGS...: trcaa run by NAME in another terminal.
from() {
    local name=$1
    shift
    env -i HOME="$work/$name" TRCAA_USER="$name" TRCAA_DATABASE_URL="$url" TRCAA_DB_KEY=team-key "$binary" "$@"
}

echo "# tmux $(tmux -V | cut -d' ' -f2), trcaa at $binary, PostgreSQL at $TRCAA_TEST_PG_HOST"
analyst alice
analyst bob
as bob
wait_for '$'
type_line "trcaa"
wait_for "Welcome to trcaa"
as alice
wait_for '$'
type_line "trcaa"
wait_for "Welcome to trcaa"
keys a
wait_for "New issue"
text "Checkout 504s for EU users"
keys C-s
wait_for "created “Checkout 504s for EU users”"
as bob
wait_for "Checkout 504s for EU users" 10
ok "an issue alice creates appears in bob's open interface"

cat > "$work/alice/gateway.log" <<'EOF'
2026-12-06 09:58:01 INFO gateway started
2026-12-06 10:02:13 WARN upstream payments slow: 2300 ms
2026-12-06 10:02:14 ERROR upstream payments timed out after 5000 ms for eve@example.com from 10.4.2.17
2026-12-06 10:02:15 ERROR 504 returned to 10.4.2.17
EOF
as alice
keys Enter 4
wait_for "No logs yet"
keys a
wait_for "Path"
text "$work/alice/gateway.log"
keys Enter
wait_for "gateway.log"
as bob
keys Enter
wait_for "Title       Checkout 504s for EU users"
keys 4
wait_for "gateway.log" 10
ok "the log alice imports shows in bob's Logs tab"

keys 2 a
wait_for "Why #1"
keys Tab
text "The payments upstream timed out"
keys Tab
text "gateway.log:3 upstream payments timed out after 5000 ms"
keys C-s
wait_for "→ The payments upstream timed out"
as alice
keys 2
wait_for "→ The payments upstream timed out" 10
ok "the why bob adds, with its evidence, shows in alice's open issue"

# Both edit the title: alice opens the field, bob saves his first, alice is told.
keys 1
wait_for "Title       Checkout 504s for EU users"
keys Enter
wait_for "Edit title"
keys C-u
text "Checkout 504s for EU users (gateway)"
as bob
keys 1 Enter
wait_for "Edit title"
keys C-u
text "EU checkout 504s"
keys C-s
wait_for "Title       EU checkout 504s"
as alice
keys C-s
wait_for "Changed while you edited"
wait_for "bob changed"
keys n
wait_for "Title       EU checkout 504s"
ok "when alice saves a title bob changed after she opened it, she is told who changed it and keeps theirs"

# The server restarts under both open interfaces: they go on, on new sessions.
"$repo/scripts/pg-test-cluster" restart "$TRCAA_TEST_PG_HOST"
as bob
keys 6
wait_for "No documents yet"
as alice
keys 6 g
wait_for "Post-mortem"
keys Enter
wait_for "generated the RCA" 60
wait_for "RCA: EU checkout 504s"  # the list reloaded with it: x exports the selected document
keys x
wait_for "Markdown (.md)"
keys Enter
wait_for "Directory"
keys Down C-u
text "$work/out"
keys Enter
wait_for "exported $work"
rca=$(ls "$work"/out/*RCA*.md)
grep -q "The payments upstream timed out" "$rca" || fail "the exported RCA does not hold bob's why"
as bob
wait_for "RCA: EU checkout 504s" 10
ok "after a server restart under both interfaces, alice generates the RCA with bob's why and exports it; bob's shows it"

at_shell() { [ "$(pane '#{pane_current_command}')" = bash ]; }
keys q q q
until_true 15 "alice's interface to end" at_shell
as bob
keys q q q
until_true 15 "bob's interface to end" at_shell
from alice db copy --to "$work/offline.db" --issue 1 >/dev/null
offline() { env -i HOME="$work/alice" TRCAA_DB_KEY=team-key "$binary" --db "$work/offline.db" "$@"; }
offline audit verify | grep -q "^audit chain intact" || fail "audit verify does not hold on the copy"
from alice audit verify | grep -q "^audit chain intact" || fail "audit verify does not hold on the server"
offline issue show 1 | grep -q "EU checkout 504s" || fail "the copy lacks the issue"
log=$(offline log list --json | grep -o '"id" *: *"[^"]*"' | head -1 | cut -d'"' -f4)
offline log show "$log" | grep -q "eve@example.com" || fail "the copy's log does not read back"
ok "db copy takes the incident to a file; audit verify holds there and on the server"

echo "# $passed passed"

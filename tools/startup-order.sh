#!/usr/bin/env bash
# Regenerates tools/startup.order: the functions the release binary runs until its home screen
# is drawn, which build.rs asks the linker to place side by side (issue 15, peak RSS). Spread
# over the binary they kept ~5 MiB of code resident; side by side, 1.5 MiB.
#
# The names carry hashes of the toolchain, the dependencies and the profile: run this after
# changing any of them (`cargo bench --bench tui` prints the RSS that shows a stale list), then
# commit the file. Needs valgrind, tmux and python3. Names the build no longer has are ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(pwd)/target/release/mianba
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs the binary under callgrind until its home screen is drawn, then quits it.
profile_start_up() {
  local out=$1 session="mianba-order-$$"
  rm -rf "$work/data" "$work/done"
  tmux new-session -d -s "$session" -x 100 -y 30 \
    "MIANBA_DATA_DIR=$work/data valgrind --tool=callgrind --demangle=no --callgrind-out-file=$out $bin --lang en 2>$work/valgrind.log; touch $work/done"
  for _ in $(seq 240); do
    tmux capture-pane -p -t "$session" | grep -q "q quit" && break
    sleep 0.5
  done
  tmux send-keys -t "$session" q
  for _ in $(seq 240); do
    [ -e "$work/done" ] && break
    sleep 0.5
  done
  tmux kill-session -t "$session" 2>/dev/null || true
}

# `cargo build --release` and `cargo bench` (the binary benches/tui.rs spawns) build the
# binary under different names: the list holds both.
cargo build --release --bin mianba
profile_start_up "$work/release.out"
cargo bench --bench tui --no-run
profile_start_up "$work/bench.out"

# Every named function of the binary that ran (callgrind's `fn=`/`cfn=` of the binary's object).
python3 - "$bin" "$work/release.out" "$work/bench.out" > tools/startup.order <<'PY'
import re, sys


def entry(kind, line):
    m = re.match(kind + r"=\((\d+)\)(?: (.*))?$", line)
    return m.group(1), m.group(2)


def ran(cg, exe):
    """The names of the functions of `exe` that ran, in a callgrind file's order."""
    objects, names, ob, cob = {}, {}, None, None
    for line in open(cg):
        line = line.rstrip("\n")
        for kind in ("ob", "cob"):
            if line.startswith(kind + "="):
                i, name = entry(kind, line)
                objects[i] = name or objects.get(i)
                if kind == "ob":
                    ob, cob = objects[i], None
                else:
                    cob = objects[i]
        for kind in ("fn", "cfn"):
            if line.startswith(kind + "="):
                i, name = entry(kind, line)
                names[i] = name or names.get(i)
                owner = ob if kind == "fn" else (cob or ob)
                if kind == "fn":
                    cob = None
                # Valgrind's own entries ("(below main)", "0x…") are not symbols.
                if owner == exe and names[i] and not names[i].startswith(("0x", "(")):
                    yield names[i]


seen = set()
for cg in sys.argv[2:]:
    for name in ran(cg, sys.argv[1]):
        if name not in seen:
            seen.add(name)
            print(name)
PY
echo "tools/startup.order: $(wc -l < tools/startup.order) functions"

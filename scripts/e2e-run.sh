#!/usr/bin/env bash
# Runs the real-workbench e2e tests: installs/verifies code-server + chromium
# (scripts/e2e-setup.sh, cached), runs the harness smoke test, then every
# test/e2e/**/*.test.mjs with node's test runner, one file at a time.
#
# The extension under test is the .vsix in $TDE_E2E_VSIX, else the newest *.vsix
# in the repository root; tests read it from process.env.TDE_E2E_VSIX.
#   --smoke-only     run only the harness smoke test (needs no .vsix)
#   --require-vsix   fail if no .vsix is found (default: tests that need one must skip/fail themselves)
# Other env: TDE_E2E_SKIP_SETUP=1 (trust the cache as is), plus the knobs in test/e2e/workbench.mjs.
#
# The last line of the output is always the count over the smoke test and every test: "N passed, M failed".
# Screenshots are kept in test-artifacts/ (failures: test-artifacts/e2e-failures/, emptied at the start).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$(date +%s)

smoke_only=0
require_vsix=0
for a in "$@"; do
  case "$a" in
    --smoke-only) smoke_only=1;;
    --require-vsix) require_vsix=1;;
    *) echo "[e2e-run] unknown argument: $a" >&2; exit 2;;
  esac
done

# The closing line: "N passed, M failed" (plus the time and any skipped tests on the line before).
finish() {
  local passed="$1" failed="$2" skipped="${3:-0}" rc="$4"
  local note="total $(( $(date +%s) - T0 ))s"
  [ "$skipped" -gt 0 ] && note="$note, $skipped skipped"
  echo "[e2e-run] $note"
  echo "$passed passed, $failed failed"
  exit "$rc"
}

if [ "${TDE_E2E_SKIP_SETUP:-}" != 1 ]; then
  bash scripts/e2e-setup.sh >/dev/null || { echo "[e2e-run] ERROR: scripts/e2e-setup.sh failed" >&2; finish 0 1 0 1; }
fi

node -e "import('playwright-core')" 2>/dev/null ||
  { echo "[e2e-run] ERROR: playwright-core is not installed here (npm ci / npm install --save-dev playwright-core)" >&2; finish 0 1 0 1; }

# Failure screenshots and logs of earlier runs would be mistaken for this run's.
rm -rf "${TDE_E2E_ARTIFACTS:-test-artifacts}/e2e-failures"

echo "[e2e-run] smoke test of the harness"
smoke_rc=0
node test/e2e/smoke.mjs || smoke_rc=$?
if [ "$smoke_rc" -ne 0 ]; then
  echo "[e2e-run] ERROR: the harness smoke test failed (exit $smoke_rc); not running the extension tests" >&2
  finish 0 1 0 "$smoke_rc"
fi
[ "$smoke_only" = 1 ] && finish 1 0 0 0

if [ -z "${TDE_E2E_VSIX:-}" ]; then
  TDE_E2E_VSIX="$(ls -t ./*.vsix 2>/dev/null | head -n1 || true)"
  [ -n "$TDE_E2E_VSIX" ] && TDE_E2E_VSIX="$(pwd)/${TDE_E2E_VSIX#./}"
fi
if [ -n "${TDE_E2E_VSIX:-}" ]; then
  [ -f "$TDE_E2E_VSIX" ] || { echo "[e2e-run] ERROR: TDE_E2E_VSIX=$TDE_E2E_VSIX does not exist" >&2; finish 1 1 0 1; }
  echo "[e2e-run] extension under test: $TDE_E2E_VSIX"
  export TDE_E2E_VSIX
elif [ "$require_vsix" = 1 ]; then
  echo "[e2e-run] ERROR: no .vsix found (set TDE_E2E_VSIX or run the packaging step first)" >&2
  finish 1 1 0 1
fi

mapfile -t tests < <(find test/e2e -name '*.test.mjs' -type f | sort)
if [ "${#tests[@]}" -eq 0 ]; then
  echo "[e2e-run] no test/e2e/**/*.test.mjs yet; only the smoke test ran"
  finish 1 0 0 0
fi
echo "[e2e-run] ${#tests[@]} test file(s): ${tests[*]}"
# One workbench at a time: a code-server + chromium pair takes most of a 2-core machine.
# The spec report goes to the terminal; a TAP copy gives the counts for the closing line.
tap="$(mktemp "${TMPDIR:-/tmp}/tde-e2e-tap.XXXXXX")"
trap 'rm -f "$tap"' EXIT
rc=0
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  "${tests[@]}" || rc=$?
count() { sed -n "s/^# $1 \([0-9][0-9]*\)\$/\1/p" "$tap" | tail -n1; }
pass="$(count pass)"; fail="$(count fail)"; cancelled="$(count cancelled)"; skipped="$(count skipped)"
pass="${pass:-0}"; failed=$(( ${fail:-0} + ${cancelled:-0} ))
# node --test failed without a failing test (a crash, a file that did not load): count it as one.
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
finish $(( pass + 1 )) "$failed" "${skipped:-0}" "$rc"

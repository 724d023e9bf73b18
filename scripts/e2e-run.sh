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
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

smoke_only=0
require_vsix=0
for a in "$@"; do
  case "$a" in
    --smoke-only) smoke_only=1;;
    --require-vsix) require_vsix=1;;
    *) echo "[e2e-run] unknown argument: $a" >&2; exit 2;;
  esac
done

if [ "${TDE_E2E_SKIP_SETUP:-}" != 1 ]; then
  bash scripts/e2e-setup.sh >/dev/null
fi

node -e "import('playwright-core')" 2>/dev/null ||
  { echo "[e2e-run] ERROR: playwright-core is not installed here (npm ci / npm install --save-dev playwright-core)" >&2; exit 1; }

echo "[e2e-run] smoke test of the harness"
node test/e2e/smoke.mjs
[ "$smoke_only" = 1 ] && exit 0

if [ -z "${TDE_E2E_VSIX:-}" ]; then
  TDE_E2E_VSIX="$(ls -t ./*.vsix 2>/dev/null | head -n1 || true)"
  [ -n "$TDE_E2E_VSIX" ] && TDE_E2E_VSIX="$(pwd)/${TDE_E2E_VSIX#./}"
fi
if [ -n "${TDE_E2E_VSIX:-}" ]; then
  [ -f "$TDE_E2E_VSIX" ] || { echo "[e2e-run] ERROR: TDE_E2E_VSIX=$TDE_E2E_VSIX does not exist" >&2; exit 1; }
  echo "[e2e-run] extension under test: $TDE_E2E_VSIX"
  export TDE_E2E_VSIX
elif [ "$require_vsix" = 1 ]; then
  echo "[e2e-run] ERROR: no .vsix found (set TDE_E2E_VSIX or run the packaging step first)" >&2
  exit 1
fi

mapfile -t tests < <(find test/e2e -name '*.test.mjs' -type f | sort)
if [ "${#tests[@]}" -eq 0 ]; then
  echo "[e2e-run] no test/e2e/**/*.test.mjs yet; only the smoke test ran"
  exit 0
fi
echo "[e2e-run] ${#tests[@]} test file(s)"
# One workbench at a time: a code-server + chromium pair takes most of a 2-core machine.
exec node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}"

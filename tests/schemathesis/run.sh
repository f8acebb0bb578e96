#!/usr/bin/env bash
# Schemathesis against the local server's /openapi.json, every operation, as an administrator
# (the token comes from the auth hook in hooks.py: sign-out cases get sessions of their own).
#
#   bash tests/schemathesis/run.sh [path/to/bizkit-bff]
#
# Self-contained: installs schemathesis (pinned) into a venv under the cargo target directory when it
# is missing, starts its own server on a free loopback port with a fresh data folder, signs in as the
# demo administrator through POST /api/v1/authenticate, runs, stops the server and removes the
# folder. Exits non-zero on any failure; the last line is `schemathesis: N passed, M failed`.
#
# What must hold for every generated request (positive and negative, every phase):
#   - not_a_server_error: no 5xx;
#   - every_4xx_is_problem_json (hooks.py): every 4xx is application/problem+json with status,
#     title, type and a stable code;
#   - status_code_conformance, content_type_conformance, response_headers_conformance,
#     response_schema_conformance: the answer is one /openapi.json documents;
#   - negative_data_rejection: a request that breaks the schema is refused with a 4xx;
#   - unsupported_method: a method the path does not have is 405;
#   - ignored_auth, use_after_free, ensure_resource_availability: no call works without its token.
# Left out: positive_data_acceptance — the schema cannot say "an e-mail or a phone" or an IČO's
# checksum, so schema-valid bodies are rightly refused with 422.
#
# Environment: SCHEMATHESIS_MAX_EXAMPLES (default 50 per operation and phase), SCHEMATHESIS_SEED
# (default random; the seed is printed, so a failure can be replayed), SCHEMATHESIS_VENV, PYTHON,
# CARGO_TARGET_DIR.
set -euo pipefail

VERSION=4.32.5
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
server_bin=${1:-${BIZKIT_BFF_BIN:-$target/server/bizkit-bff}}
venv=${SCHEMATHESIS_VENV:-$target/schemathesis-venv}
python=${PYTHON:-python3}
max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-50}

fail() {
  echo "schemathesis: $*" >&2
  echo "schemathesis: 0 passed, 1 failed"
  exit 1
}

[[ -x $server_bin ]] || fail "no server binary at $server_bin (build it: cargo build -p bizkit-bff --profile server)"

# --- schemathesis, pinned, in its own venv -------------------------------------------------------
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $VERSION"; then
  echo "schemathesis: installing schemathesis $VERSION into $venv"
  command -v "$python" >/dev/null || fail "$python is missing (set PYTHON to a Python 3.9+)"
  rm -rf "$venv"
  "$python" -m venv "$venv" ||
    fail "could not create a venv with $python (on Debian/Ubuntu: apt-get install python3-venv)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION" ||
    fail "pip could not install schemathesis==$VERSION"
fi
py="$venv/bin/python"

# --- our own server --------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/bizkit-schemathesis-XXXXXX")
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n ${SCHEMATHESIS_KEEP:-} ]]; then
    echo "schemathesis: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
# The request log goes to a file: it is checked for panics afterwards, and kept out of the output.
RUST_LOG=${RUST_LOG:-info} "$server_bin" --addr "127.0.0.1:$port" --data-dir "$work/data" --demo \
  >"$work/server.out" 2>"$work/server.log" &
server_pid=$!

"$py" - "$base" <<'PY' || { tail -n 20 "$work/server.log" >&2; fail "the server did not start at $base"; }
import sys, time, urllib.request
base = sys.argv[1]
for _ in range(300):
    try:
        with urllib.request.urlopen(base + "/openapi.json", timeout=1) as r:
            if r.status == 200:
                sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit(1)
PY

token=$("$py" - "$base" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(
    sys.argv[1] + "/api/v1/authenticate",
    data=json.dumps({"email": "admin@demo.test", "password": "demo-admin"}).encode(),
    headers={"Content-Type": "application/json"},
)
with urllib.request.urlopen(request, timeout=10) as r:
    print(json.load(r)["auth_token"])
PY
) || fail "could not sign in as the demo administrator"

# --- the run ---------------------------------------------------------------------------------------
checks=not_a_server_error,every_4xx_is_problem_json,status_code_conformance,content_type_conformance
checks+=,response_headers_conformance,response_schema_conformance,negative_data_rejection
checks+=,unsupported_method,ignored_auth,use_after_free,ensure_resource_availability
seed_args=()
[[ -n ${SCHEMATHESIS_SEED:-} ]] && seed_args=(--seed "$SCHEMATHESIS_SEED")
report="$target/schemathesis"
mkdir -p "$report"

set +e
# Run from the work folder: schemathesis keeps no example database there (`none`), but any stray
# file it writes stays out of the repository.
(
  cd "$work" &&
    PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=hooks \
    BIZKIT_SCHEMATHESIS_TOKEN="$token" BIZKIT_SCHEMATHESIS_BASE="$base" \
      "$venv/bin/schemathesis" --config-file "$here/schemathesis.toml" run "$base/openapi.json" \
      --checks "$checks" \
      --max-examples "$max_examples" \
      --generation-database none \
      --request-timeout 10 \
      --no-color \
      --output-sanitize true \
      "${seed_args[@]}" \
      --report junit --report-junit-path "$report/junit.xml"
) 2>&1 | tee "$work/run.log"
status=${PIPESTATUS[0]}
set -e

# A panic caught by the server's CatchPanicLayer answers 500 (a failure above), but say so plainly.
if grep -q "panicked" "$work/server.log"; then
  grep -m 5 "panicked" "$work/server.log" >&2
  status=1
fi
# The token is sent on every request: it must not appear in the server's log.
if grep -qF "$token" "$work/server.log" "$work/server.out"; then
  echo "schemathesis: the bearer token appears in the server log" >&2
  status=1
fi

# "Test cases:\n  N generated, M found K unique failures" (or "N generated, N passed"): M cases failed.
generated=$(grep -Eo '[0-9]+ generated' "$work/run.log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -Eo 'generated, [0-9]+ found' "$work/run.log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1
fi
passed=$((generated > failed ? generated - failed : 0))
echo "schemathesis: $passed passed, $failed failed"
exit "$status"

"""Custom checks and the authentication of the schemathesis run of tests/schemathesis/run.sh
(loaded via SCHEMATHESIS_HOOKS).

The contract (CONTRACT.md, "Errors"): the local server answers every error as RFC 9457
`application/problem+json` with a numeric `status` equal to the HTTP status, a `title`, a `type`,
and a stable upper-snake-case `code`.
"""

import http.client
import json
import os
import re
from urllib.parse import urlparse

import schemathesis

CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


@schemathesis.check
def every_4xx_is_problem_json(ctx, response, case):
    """Every 4xx answer is application/problem+json with status, title, type and a stable code."""
    if not 400 <= response.status_code < 500:
        return None
    content_type = ",".join(response.headers.get("content-type", []))
    if content_type.split(";")[0].strip().lower() != "application/problem+json":
        raise AssertionError(
            f"{response.status_code} answered with content type {content_type!r}, "
            "not application/problem+json"
        )
    try:
        body = json.loads(response.content)
    except ValueError as error:
        raise AssertionError(f"{response.status_code} problem body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise AssertionError(f"{response.status_code} problem body is not an object")
    if body.get("status") != response.status_code:
        raise AssertionError(
            f"problem status {body.get('status')!r} differs from HTTP status {response.status_code}"
        )
    for name in ("type", "title"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise AssertionError(f"{response.status_code} problem has no {name!r}")
    code = body.get("code")
    if not isinstance(code, str) or not CODE.match(code):
        raise AssertionError(f"{response.status_code} problem has no stable upper-snake-case code: {code!r}")
    errors = body.get("errors", [])
    if not isinstance(errors, list) or not all(
        isinstance(e, dict) and isinstance(e.get("field"), str) and isinstance(e.get("code"), str)
        for e in errors
    ):
        raise AssertionError(f"{response.status_code} problem has malformed `errors`: {errors!r}")
    return None


# --- authentication --------------------------------------------------------------------------------
# Every call carries the administrator's session token that run.sh signed in with
# (BIZKIT_SCHEMATHESIS_TOKEN) -- except `DELETE /api/v1/session`, which ends the session it is
# called with: fuzzed, it would end that token for every check after it. Each of its calls gets a
# session of its own instead, signed in afresh. That sign-in comes from another loopback address
# (127.0.0.2): the fuzzed sign-ins from 127.0.0.1 soon reach the server's per-address limit of
# failed sign-ins, and a fresh sign-in from there would be refused (429) like any other.

MAIN_TOKEN = os.environ.get("BIZKIT_SCHEMATHESIS_TOKEN", "")
BASE = urlparse(os.environ.get("BIZKIT_SCHEMATHESIS_BASE", "http://127.0.0.1"))
SIGN_OUT = ("DELETE", "/api/v1/session")


def fresh_token() -> str:
    """A new administrator session, signed in from 127.0.0.2."""
    connection = http.client.HTTPConnection(
        BASE.hostname, BASE.port, timeout=10, source_address=("127.0.0.2", 0)
    )
    try:
        connection.request(
            "POST",
            "/api/v1/authenticate",
            body=json.dumps({"email": "admin@demo.test", "password": "demo-admin"}),
            headers={"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"sign-in for a sign-out case: {response.status} {body[:200]!r}")
        return json.loads(body)["auth_token"]
    finally:
        connection.close()


@schemathesis.auth(refresh_interval=None)
class SessionAuth:
    def get(self, case, ctx):
        operation = ctx.operation
        if (operation.method.upper(), operation.path) == SIGN_OUT:
            return fresh_token()
        return MAIN_TOKEN

    def set(self, case, data, ctx):
        case.headers = dict(case.headers or {})
        case.headers["Authorization"] = f"Bearer {data}"

"""Custom checks for the schemathesis run of tests/schemathesis/run.sh (loaded via SCHEMATHESIS_HOOKS).

The contract (CONTRACT.md, "Errors"): the local server answers every error as RFC 9457
`application/problem+json` with a numeric `status` equal to the HTTP status, a `title`, a `type`,
and a stable upper-snake-case `code`.
"""

import json
import re

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

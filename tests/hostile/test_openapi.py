"""Schemathesis against the app's own OpenAPI document, on the example ledger: no request gets a 5xx.

Bounded for CI: EXAMPLES generated requests per operation. Uses schemathesis's Python API (one
hypothesis run per operation) rather than its pytest plugin, whose lazy fixtures need a pytest it
does not support yet.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 40


def test_openapi_generated_requests_get_no_server_error(serve_module, example_ledger):
    schema = schemathesis.openapi.from_asgi("/openapi.json", serve_module.create_app(example_ledger))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert any("{event_id}" in op.path for op in operations), [op.path for op in operations]
    failures: list[str] = []
    calls = 0
    for operation in operations:

        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(operation.as_strategy())
        def call(case):
            nonlocal calls
            calls += 1
            try:
                status = case.call().status_code
            except Exception as exc:  # the ASGI transport re-raises what the app did not handle
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {type(exc).__name__}: {exc}")
                return
            if status >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {status}")

        call()
    assert calls >= len(operations) * 5
    assert not failures, "\n".join(failures[:10])

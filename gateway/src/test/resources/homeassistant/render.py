"""Renders Home Assistant MQTT templates with the real Jinja2, for HomeAssistantTemplatesIT.

Reads a JSON list of jobs {"template", "payload", "now"} on stdin and writes a list of {"rendered"} or
{"error"} on stdout. What Home Assistant adds to Jinja2 and our templates use is stood in for here, as its
documentation describes it: `value` (the payload) and `value_json` (the payload parsed, when it is JSON), the
`as_datetime` filter (an ISO-8601 text to an aware datetime) and `now()` (an aware datetime, the job's "now",
so a test can stand at any time). Written for this project; nothing of Home Assistant's code is in it.
"""
import json
import sys
from datetime import datetime

from jinja2.sandbox import ImmutableSandboxedEnvironment


def as_datetime(value):
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def render(job):
    now = as_datetime(job["now"])
    env = ImmutableSandboxedEnvironment()
    env.filters["as_datetime"] = as_datetime
    env.globals["now"] = lambda: now
    try:
        value_json = json.loads(job["payload"])
    except ValueError:
        value_json = None
    try:
        text = env.from_string(job["template"]).render(value=job["payload"], value_json=value_json)
        return {"rendered": text}
    except Exception as e:  # a template error is a finding, reported to the test
        return {"error": "%s: %s" % (type(e).__name__, e)}


json.dump([render(job) for job in json.load(sys.stdin)], sys.stdout)

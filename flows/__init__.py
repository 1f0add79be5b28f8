"""newsdesk: who said what, where, and with which figures.

Importing the package pins Prefect to offline, project-local defaults (no telemetry, state under
`<repo>/.prefect`, a start-up timeout that suits a 2-core machine). Values already set in the
environment win, so a user can still point Prefect at a real server with PREFECT_API_URL.
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

_PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
}
for _key, _value in _PREFECT_DEFAULTS.items():
    os.environ.setdefault(_key, _value)

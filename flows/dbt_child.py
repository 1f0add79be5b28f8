"""A dbt process that starts and parses the project early, then builds when told: `python -m flows.dbt_child ARGS`.

dbt spends ~2 s importing and ~2.5 s parsing the project (a full parse on every new warehouse, since the parse
cache is per warehouse) before it runs a model. The pipeline starts this child while its own batches or load
still run, so that time overlaps the pipeline's work instead of following it. Parsing does not open the
warehouse, so it runs while the pipeline holds the write connection.

Protocol: ARGS are the common dbt arguments (project, profiles, target and log paths). The child parses, then
reads one line from stdin: a JSON list of the dbt command to run (e.g. ["build", "--exclude",
"test_type:unit"]), which it runs with the parsed manifest; it exits 0 when dbt succeeded, 1 when it did not.
An empty line or end of input (the pipeline stopped or crashed) makes it exit without touching the warehouse.
"""

from __future__ import annotations

import json
import sys


def main(common: list[str]) -> int:
    """Parse, wait for the command, run it; return the exit code."""
    from dbt.cli.main import dbtRunner

    parsed = dbtRunner().invoke(["parse", *common])
    manifest = parsed.result if parsed.success else None  # a failed parse is reported by the real command
    line = sys.stdin.readline().strip()
    if not line:
        return 0
    command = json.loads(line)
    result = dbtRunner(manifest=manifest).invoke([*command, *common])
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

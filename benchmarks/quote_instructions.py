"""Workload for counting the instructions of quote extraction, steadier than MB/s on a shared host.

Runs flows.core.quotes.extract_quotes 3 times over every document of a PolNeAR split (train by default). Count
its instructions with cachegrind (`perf stat` counts none on the project's VM), with a fixed hash seed:

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no .venv/bin/python benchmarks/quote_instructions.py

and compare the "I refs" line before and after a change. Exits 0 with a message when ../shared/data is absent.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.quotes import DATA, load_split  # noqa: E402


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "train"
    if not (DATA / split).exists():
        print(f"skipped: {DATA / split} not found")
        return
    from flows.core.quotes import extract_quotes

    texts = list(load_split(split)[0].values())
    for _ in range(3):
        for text in texts:
            extract_quotes(text)


if __name__ == "__main__":
    main()

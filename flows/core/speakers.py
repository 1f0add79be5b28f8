"""Cross-document speaker canonicalization (placeholder until the quotes work lands)."""

from __future__ import annotations

from collections.abc import Iterable


def canonical_speakers(names: Iterable[str]) -> dict[str, str]:
    """Map every speaker name to its canonical name."""
    return {name: name for name in names}

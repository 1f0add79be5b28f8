"""Per-environment settings (env prefix NEWS_), read through get_settings() at run time, never at import."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from flows import PROJECT_ROOT


class Settings(BaseSettings):
    """What changes per environment; per-run choices are flow parameters."""

    model_config = SettingsConfigDict(env_prefix="NEWS_", env_file=".env", extra="ignore")

    warehouse_path: Path = PROJECT_ROOT / "warehouse" / "newsdesk.duckdb"
    seeds_path: Path = PROJECT_ROOT / "seeds"
    dbt_project_dir: Path = PROJECT_ROOT / "sql"
    batch_size: int = 5000  # documents per batch task (5000 vs 2000 at 100k: batch phase −2 s, same peak RSS)
    max_batches_in_flight: int = 4  # batches submitted but not yet staged; bounds memory
    task_runner: str = "auto"  # auto | thread | process | dask (auto: process pool for inputs ≥ 24 MB)
    workers: int | None = None  # processes for the process/dask runners (default: CPU count)
    dask_address: str | None = None  # a running Dask scheduler, e.g. tcp://10.0.0.5:8786
    max_document_bytes: int = 50_000_000  # larger files are quarantined, not read
    lock_timeout_seconds: float = 0.0  # how long a second run waits for the warehouse lock
    # DuckDB's memory cap for the pipeline's and dbt's connections (larger work spills to disk beside the file)
    duckdb_memory_limit: str = "768MB"
    dbt_threads: int | None = None  # dbt's parallel models and tests (default: CPU count; more only adds contention)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings."""
    return Settings()

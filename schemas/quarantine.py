"""What could not be loaded, and why."""

import pandera.polars as pa

STAGES = ["discover", "ingest", "normalize", "quotes", "figures", "load"]


class QuarantineRows(pa.DataFrameModel):
    """One row per quarantined input, record or extracted row."""

    quarantine_id: str = pa.Field(unique=True, str_matches=r"^x[0-9a-f]{16}$")
    stage: str = pa.Field(isin=STAGES)
    source_file: str = pa.Field(nullable=False)
    doc_id: str = pa.Field(nullable=True)
    locator: str = pa.Field(nullable=True)
    check: str = pa.Field(str_length={"min_value": 1})
    reason: str = pa.Field(str_length={"min_value": 1})
    detail: str = pa.Field(nullable=True)
    schema_name: str = pa.Field(nullable=True, description="the pandera model that rejected the row, if any")

    class Config:
        name = "quarantine"
        strict = True

"""pandera DataFrameModels, one per stage boundary. Validate collected polars DataFrames with lazy=True."""

from schemas.documents import NormalizedDocuments, RawDocuments
from schemas.figures import ExtractedFigures
from schemas.quarantine import QuarantineRows
from schemas.quotes import ExtractedQuotes

__all__ = ["ExtractedFigures", "ExtractedQuotes", "NormalizedDocuments", "QuarantineRows", "RawDocuments"]

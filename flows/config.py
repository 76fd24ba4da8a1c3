"""The pipeline's one configuration object: frozen, documented, hashed into the release."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field

from flows.stages.enrich.language import LanguageConfig
from flows.stages.repair import RepairConfig
from flows.stages.segment import SegmentConfig


class DuplicateConfig(BaseModel):
    """Duplicate detection settings, frozen; part of the release's config digest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    threshold: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        description="Least estimated Jaccard similarity of word shingles for two records "
        "to be near duplicates.",
    )
    shingle_words: int = Field(
        default=3, ge=1, description="Words per shingle (a text shorter is one shingle)."
    )
    min_words: int = Field(
        default=8,
        ge=1,
        description="Fewest words a record needs to be compared at all (headings, "
        "signatures and one-line replies repeat without being copies).",
    )
    num_perm: int = Field(default=128, ge=16, description="MinHash permutations.")
    num_bands: int = Field(
        default=32,
        ge=1,
        description="LSH bands (num_perm must divide by it): more find pairs of lower "
        "similarity as candidates, each then checked against the threshold.",
    )


class PipelineConfig(BaseModel):
    """All knobs of a build. Its JSON goes into the release manifest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    repair: RepairConfig = Field(default_factory=RepairConfig)
    segment: SegmentConfig = Field(default_factory=SegmentConfig)
    language: LanguageConfig = Field(default_factory=LanguageConfig)
    duplicates: DuplicateConfig = Field(default_factory=DuplicateConfig)
    batch_size: int = Field(
        default=256,
        ge=1,
        description="Mean documents per Prefect task (each task has a fixed cost: larger "
        "batches spread it, smaller ones balance the workers better).",
    )
    inline_below: int = Field(
        default=128,
        ge=0,
        description="When fewer documents than this need computing (the rest are in the "
        "cache), every batch runs on threads in the flow's own process instead of the task "
        "runner, whose workers cost more to start than the work (0: always the runner).",
    )
    strict: bool = Field(default=False, description="Fail the run on any reject.")
    accel: bool = Field(
        default=True,
        description="Use the optional acceleration of `flows.accel` (same bytes, sooner); "
        "False runs the plain stages, without cache, and builds the database in full.",
    )
    use_cache: bool = Field(
        default=True,
        description="Reuse each document's stage results when its bytes, manifest entry, "
        "the code and this config are unchanged (OUT/.cache).",
    )

    def digest(self) -> str:
        """Digest of the settings that change the output (not batching, placement, strictness,
        caching)."""
        relevant = self.model_dump(include={"repair", "segment", "language", "duplicates"})
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:12]

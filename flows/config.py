"""The pipeline's one configuration object: frozen, documented, hashed into the release."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field, SecretBytes

from flows.stages.enrich.language import LanguageConfig
from flows.stages.privacy import key_id
from flows.stages.settings import RepairConfig, SegmentConfig


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
    max_file_mb: int = Field(
        default=64,
        ge=1,
        description="Largest input file read, in MiB (2**20 bytes); a larger one is "
        "rejected (`ingest_too_large`) from its size, before it is read. Processing one "
        "document takes memory proportional to its size (docs/architecture.md#memory).",
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

    pseudonym_key: SecretBytes | None = Field(
        default=None,
        exclude=True,
        description="Replace authors and user handles by keyed pseudonyms "
        "(`flows.stages.privacy`); None publishes them as they are. Never written anywhere: "
        "the manifest and digests name it by `pseudonym_key_id`.",
    )

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 2**20

    @property
    def pseudonym_key_id(self) -> str | None:
        """The key's name (`flows.stages.privacy.key_id`), None without pseudonyms."""
        if self.pseudonym_key is None:
            return None
        return key_id(self.pseudonym_key.get_secret_value())

    def output_settings(self) -> dict[str, object]:
        """The settings that change the output (not batching, placement, strictness,
        caching), as JSON values: the release manifest's `config` (the pseudonym key is
        named by `pseudonym_key_id` beside it)."""
        settings = {"repair", "segment", "language", "duplicates", "max_file_mb"}
        return self.model_dump(mode="json", include=settings)

    def digest(self) -> str:
        """Digest of `output_settings` and of the pseudonym key's id."""
        relevant = self.output_settings()
        if self.pseudonym_key is not None:
            relevant["pseudonym_key_id"] = self.pseudonym_key_id
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:12]

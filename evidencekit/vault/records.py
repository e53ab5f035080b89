"""What goes into the vault and what comes out: plain, typed records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from evidencekit.seal.manifest import ArtifactEntry


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class ArtifactSource:
    """One artifact to store: bytes in memory, or a stream read chunk by chunk."""

    name: str
    media_type: str
    data: bytes | None = None
    stream: Readable | None = None
    size: int | None = None  # a stream's expected length, when known (for disk-space advice)

    def __post_init__(self) -> None:
        if (self.data is None) == (self.stream is None):
            raise ValueError("an artifact needs exactly one of data or stream")
        if not self.name or self.name.startswith("/") or ".." in self.name.split("/"):
            raise ValueError(f"bad artifact name {self.name!r}")


@dataclass(frozen=True)
class NewItem:
    """An item about to be stored (a web capture or an imported file)."""

    kind: str  # "web" or "file"
    captured_at: str  # UTC ISO 8601
    case: str | None = None
    title: str = ""
    url: str | None = None
    final_url: str | None = None
    file_name: str | None = None
    status: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # Key facts copied into the manifest (tool versions, capture start/end, ...).
    manifest_fields: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # searchable body (visible page text, a chat export's text)
    note: str | None = None
    sensitive: bool = False
    action: str = "capture"  # custody action: "capture" or "import"
    # A support worker's record of the person's consent; kept in the custody entry.
    consent: str | None = None


@dataclass(frozen=True)
class Note:
    body: str
    author: str
    created_at: str


@dataclass(frozen=True)
class ItemRecord:
    id: str
    kind: str
    case: str | None
    title: str
    url: str | None
    final_url: str | None
    file_name: str | None
    status: int | None
    captured_at: str
    operator: str
    manifest_sha256: str
    sensitive: bool
    artifacts: tuple[ArtifactEntry, ...]
    metadata: dict[str, Any]
    notes: tuple[Note, ...] = ()
    tags: tuple[str, ...] = ()
    # {digest, signed_by, timestamps: [{tsa, time, status}]}; None for an unsealed item
    seal: dict[str, Any] | None = None
    # "Never show me this": front ends show a placeholder instead of the pixels.
    hidden: bool = False

    @property
    def timestamp_status(self) -> str:
        """granted (a token is held), pending (waiting for one) or unsealed."""
        if self.seal is None:
            return "unsealed"
        statuses = {t["status"] for t in self.seal["timestamps"]}
        return "granted" if "granted" in statuses else "pending"

    def artifact(self, name: str) -> ArtifactEntry | None:
        return next((a for a in self.artifacts if a.name == name), None)

    def to_json(self, *, full: bool = False) -> dict[str, Any]:
        """The item object of the CLI contract (`full` adds metadata and notes)."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "case": self.case,
            "title": self.title,
            "status": self.status,
            "final_url": self.final_url,
            "captured_at": self.captured_at,
            "operator": self.operator,
            "manifest_sha256": self.manifest_sha256,
            "sensitive": self.sensitive,
            "tags": list(self.tags),
            "artifacts": [a.to_json() for a in self.artifacts],
            "seal": self.seal,
        }
        if self.kind == "web":
            data["url"] = self.url
        else:
            data["file_name"] = self.file_name
        if full:
            data["metadata"] = self.metadata
            data["notes"] = [
                {"body": n.body, "author": n.author, "created_at": n.created_at} for n in self.notes
            ]
        return data


@dataclass(frozen=True)
class CaseInfo:
    name: str
    created_at: str
    item_count: int
    minor_safe: bool = False
    """Someone in the case's pictures may be under 18: pictures are kept as hashes only."""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "created_at": self.created_at,
            "items": self.item_count,
            "minor_safe": self.minor_safe,
        }

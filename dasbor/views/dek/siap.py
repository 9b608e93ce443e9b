"""A deck rendered and ready for any writer: each slide's content, footer and sample flag, and the deck's snapshot.

Its own module so that the writers (PPTX, PDF, HTML) and :mod:`~dasbor.views.dek.slides`, which calls them,
share the types without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from dasbor.views.dek import tampilan
from dasbor.warehouse import store


@dataclass(frozen=True)
class SlideSiap:
    """One slide with everything drawn on it."""

    nomor: int
    isi: tampilan.Isi
    kaki: str
    contoh: bool


@dataclass(frozen=True)
class DekSiap:
    """A rendered deck: title slide facts and the slides."""

    nama: str
    slide: tuple[SlideSiap, ...]
    contoh: bool
    snapshot: store.Snapshot | None

    @property
    def tanda_snapshot(self) -> str:
        """The line that ties printed numbers to frozen data: label and the start of the checksum."""
        if self.snapshot is None:
            return "Data terkini (tidak dikunci)"
        return f"Data dikunci: {self.snapshot.label} · sha256 {self.snapshot.sha256[:12]}"

"""The kinds of file the office imports, as a registry: one module per kind with its columns and row rules.

``ikm``, ``ekspor``, ``tenant`` and ``target`` are tables (:class:`~dasbor.warehouse.impor.jenis.dasar.Jenis`);
``batas`` (the boundary file, :mod:`~dasbor.warehouse.impor.jenis.batas`) is the fifth kind, a file with no
columns. A new kind is a new module here plus one entry in :data:`JENIS`.
"""

from __future__ import annotations

from dasbor.warehouse.impor.jenis.dasar import SEKTOR_KBLI, Bidang, Jenis
from dasbor.warehouse.impor.jenis.ekspor import EKSPOR
from dasbor.warehouse.impor.jenis.ikm import IKM
from dasbor.warehouse.impor.jenis.target import TARGET
from dasbor.warehouse.impor.jenis.tenant import TENANT

__all__ = ["EKSPOR", "IKM", "JENIS", "SEKTOR_KBLI", "SEMUA_JENIS", "TARGET", "TENANT", "Bidang", "Jenis"]

JENIS: dict[str, Jenis] = {j.nama: j for j in (IKM, EKSPOR, TENANT, TARGET)}
"""Every tabular kind by name."""
SEMUA_JENIS = (*JENIS, "batas")
"""The kinds the command line and the page offer."""

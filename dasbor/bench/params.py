"""Representative parameters for every named query, chosen by parameter name.

Queries are added by several people at once, so the benchmark must not need an edit per query: each ``$name``
a query uses gets the value a page sends by default (the whole province, the default year, no filter), and
:data:`PER_QUERY` overrides a value where the default would not be representative. A query that uses a
parameter name unknown here fails loudly (and the test suite says which), rather than being skipped.
"""

from __future__ import annotations

import re

from dasbor.warehouse import db

BY_NAME: dict[str, object] = {
    "kab": [],
    "sektor": [],
    "kbli": [],
    "rantai": [],
    "tahap": [],
    "skala": [],
    "halal": None,
    "ekspor": None,
    "berdiri_dari": None,
    "berdiri_sampai": None,
    "cari": "",
    "batas": 50,
    "mulai": 0,
    "periode": "bulanan",
    "tabel": ["ikm", "ekspor"],
    "jenis": "halal",
    "komoditas": "kain sasirangan",
    "radius_km": 25.0,
}
"""Default value per parameter name: what a page sends when the user has chosen nothing (for ``jenis``,
``komoditas`` and ``radius_km``, what the Program and Kawasan pages show first). ``tahun`` is not here:
it is the dashboard's default year, read from the warehouse (see :func:`params_for`)."""

FILTER_KAB = "6310"
"""The kabupaten of the filtered runs and of one-kabupaten queries (Tanah Bumbu: Batulicin estate, coal, a
mid-sized registry)."""

PER_QUERY: dict[str, dict[str, object]] = {
    # The Profil Kabupaten page binds ``$kab`` as one BPS code, not a list.
    "komoditas_teratas": {"kab": FILTER_KAB},
    "program_kabupaten": {"kab": FILTER_KAB},
    "target_kabupaten": {"kab": FILTER_KAB},
    # The Kawasan page binds one BPS code and the chains of the estate's tenants with a start year (Batulicin's).
    "ekspor_kawasan": {"kab": FILTER_KAB, "rantai": ["karet", "kayu", "perikanan", "sawit"]},
}
"""Overrides per query, where a name means something else than in :data:`BY_NAME`. The province view with no
filter is otherwise the heaviest and the most common case, so it is the default."""

_COMMENT = re.compile(r"--[^\n]*")
_STRING = re.compile(r"'(?:[^']|'')*'")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


def param_names(sql: str) -> list[str]:
    """The ``$named`` parameters a SQL text binds, in first-use order (comments and string literals ignored,
    since a ``$`` there is text, not a parameter, and DuckDB rejects parameters a statement does not use)."""
    code = _STRING.sub("''", _COMMENT.sub("", sql))
    return list(dict.fromkeys(_PARAM.findall(code)))


def params_for(query: str, tahun: int) -> dict[str, object]:
    """Parameters for ``queries/<query>.sql`` in the default view of year ``tahun``.

    Raises ``KeyError`` naming the query and the parameter when a name has no representative value.
    """
    overrides = PER_QUERY.get(query, {})
    params: dict[str, object] = {}
    for name in param_names(db.load_sql(query)):
        if name in overrides:
            params[name] = overrides[name]
        elif name == "tahun":
            params[name] = tahun
        elif name in BY_NAME:
            value = BY_NAME[name]
            params[name] = list(value) if isinstance(value, list) else value
        else:
            raise KeyError(f"queries/{query}.sql: no bench value for ${name}; add it to dasbor/bench/params.py")
    return params

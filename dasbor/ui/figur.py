"""Built plotly figures, kept per input so the next session or rerun showing the same view reuses them.

Why: plotly's graph objects validate every property they are given, so building one figure costs 5–30 ms,
and a page like Ekspor & Hilirisasi builds a dozen. Profiled at scale 1 (pyinstrument, warm run), figure
building was about 80 % of that page's server time, more than its queries, which are cached already. The
chart builders take frames that come out of those cached queries, so the same view yields equal frames, and
the figure can be cached on the frames' content.

The key is the builder's name plus a content fingerprint of every frame argument (schema, shape, and a hash
of every row) and the plain arguments. Streamlit's own hashing of a polars frame is not used: it hashes the
text of an Arrow array, which Arrow abbreviates after ten values, so two frames differing only in their
middle rows would share a figure. Because the key is the content, an import needs no invalidation (new data,
new key); ``st.cache_resource.clear()`` (cold runs, ``data.segarkan``) empties this cache too.

A cached figure is shared by every session: callers hand it to ``st.plotly_chart`` (which copies it with
``to_dict`` before serialising) and never change it. Decks build their own figures and do not use this.
"""

from __future__ import annotations

import hashlib
import itertools
import weakref
from collections.abc import Callable
from types import FunctionType
from typing import Any, ParamSpec, TypeVar

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dasbor.warehouse.batas import Batas

P = ParamSpec("P")

MAKS_FIGUR = 512
"""At most this many figures are kept (a figure holds its data: about 5–400 KB); the least recent go first."""


_SIDIK: dict[int, tuple[weakref.ref[Any], bytes]] = {}
"""Fingerprints of frames and figures seen, by ``id``; the weak reference tells a live object from a new one
that reuses a freed object's id. Query results are shared objects (``data.hasil_bersama``), so most calls hit."""

T = TypeVar("T")


def _sekali(obj: T, hitung: Callable[[T], bytes]) -> bytes:
    """``hitung(obj)``, computed once per live object (forgotten when the object is freed)."""
    dikenal = _SIDIK.get(id(obj))
    if dikenal is not None and dikenal[0]() is obj:
        return dikenal[1]
    hasil = hitung(obj)
    kunci = id(obj)

    def lupakan(_: weakref.ref[Any]) -> None:
        _SIDIK.pop(kunci, None)

    _SIDIK[kunci] = (weakref.ref(obj, lupakan), hasil)
    return hasil


def sidik(df: pl.DataFrame) -> bytes:
    """Content fingerprint of a frame: column names and types, shape, and the hash of every row, in order.

    Computed once per frame object: hashing every row was 7 % of the server's CPU with 30 sessions (py-spy).
    """
    return _sekali(df, _hitung_sidik)


def _hitung_sidik(df: pl.DataFrame) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(list(df.schema.items())).encode())
    h.update(repr(df.shape).encode())
    if df.width and df.height:
        h.update(df.hash_rows(seed=0).to_numpy().tobytes())
    return h.digest()


def nama_fungsi(fungsi: FunctionType) -> str:
    """A function argument (a formatter inside ``maps.Metrik``) by where it is defined; the line tells two
    lambdas of one module apart."""
    return f"{fungsi.__module__}.{fungsi.__qualname__}:{fungsi.__code__.co_firstlineno}"


_URUT = itertools.count()


def sidik_figur(fig: go.Figure) -> bytes:
    """A figure argument by identity: a token per live figure object (a new object, even one reusing a freed
    object's ``id``, gets a new token). Enough for figures that come out of this cache themselves, which live
    as long as their entry: a chart's event lines (:func:`dasbor.views.peristiwa.tandai`) are then drawn once
    per chart and event list, not copied and re-validated on every view (about 20 ms a chart, measured)."""
    return _sekali(fig, lambda _: f"figur-{next(_URUT)}".encode())


def sidik_batas(batas: Batas) -> bytes:
    """Boundaries by content (computed once per object), not by hashing a 50 KB GeoJSON on every view."""
    return batas.sidik


@st.cache_resource(
    show_spinner=False,
    max_entries=MAKS_FIGUR,
    hash_funcs={pl.DataFrame: sidik, FunctionType: nama_fungsi, Batas: sidik_batas, go.Figure: sidik_figur},
)
def _bangun(
    nama: str,
    args: tuple[object, ...],
    kwargs: tuple[tuple[str, object], ...],
    _builder: Callable[..., go.Figure],
) -> go.Figure:
    """The cached call; ``_builder`` is left out of the key (the underscore), ``nama`` stands for it."""
    return _builder(*args, **dict(kwargs))


def tersimpan(builder: Callable[P, go.Figure], *args: P.args, **kwargs: P.kwargs) -> go.Figure:
    """``builder(*args, **kwargs)``, built once per distinct input and shared; do not modify the result."""
    nama = f"{builder.__module__}.{builder.__qualname__}"
    return _bangun(nama, args, tuple(sorted(kwargs.items())), builder)

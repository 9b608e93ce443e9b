"""PNG images of plotly figures through kaleido and the system Chromium.

Starting kaleido's browser costs about 3 s and each image after that about 0.3 s (measured here), so the
server is started once per process and reused for every slide.
"""

from __future__ import annotations

import atexit
import warnings

import kaleido
import plotly.graph_objects as go

_server = {"aktif": False}

LEBAR, TINGGI, SKALA = 1200, 540, 2
"""Chart area of a 16:9 slide at 2x resolution, so text stays sharp on a projector and in print."""


def _mulai() -> None:
    if not _server["aktif"]:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _server["aktif"] = True
        atexit.register(berhenti)


def berhenti() -> None:
    """Stop the shared Chromium (also registered at exit)."""
    if _server["aktif"]:
        kaleido.stop_sync_server(silence_warnings=True)
        _server["aktif"] = False


def png(fig: go.Figure, *, lebar: int = LEBAR, tinggi: int = TINGGI, skala: int = SKALA) -> bytes:
    """The figure as PNG bytes (layout height is overridden to fit the slide)."""
    _mulai()
    salinan = go.Figure(fig)
    salinan.update_layout(height=tinggi, width=lebar)
    with warnings.catch_warnings():
        # plotly passes its default kaleido options even to a running server, which ignores them and warns.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        data: bytes = salinan.to_image(format="png", width=lebar, height=tinggi, scale=skala)
    return data

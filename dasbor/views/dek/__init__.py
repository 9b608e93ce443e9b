"""The Rakornis presenter kit: saved views in named decks, rendered on screen or written as PPTX, PDF and
self-contained HTML, optionally read from a frozen snapshot of the warehouse ("kunci data").

Streamlit-free, so the command line (``python -m dasbor.deck``) and the ``presentasi`` page share one renderer.
Decks and snapshots themselves are stored by :mod:`dasbor.warehouse.store`.
"""

"""Ekspor & Hilirisasi: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir(
    "Ekspor & Hilirisasi", "Indeks Hilirisasi per rantai dan kabupaten, Sankey hulu-antara-hilir (isu halaman analis)."
)

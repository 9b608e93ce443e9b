"""Presentasi: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Presentasi", "mode presentasi Rakornis dan ekspor PPTX/PDF/HTML (isu presentasi).")

"""Kawasan Industri: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Kawasan Industri", "Jorong dan Batulicin berdampingan, tenant dan linimasa (isu halaman analis).")

"""Peta: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Peta", "peta choropleth 13 kabupaten/kota, Kawasan Industri Jorong dan Batulicin (isu peta).")

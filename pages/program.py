"""Program: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Program", "sertifikasi halal, link and match SMK, industri hijau (isu halaman analis).")

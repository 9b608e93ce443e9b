"""Profil Kabupaten: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Profil Kabupaten", "rapor per kabupaten/kota yang dapat dicetak (isu halaman analis).")

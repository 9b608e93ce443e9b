"""Kelola Data: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("Kelola Data", "impor berkas resmi kantor dengan validasi dan log (isu kelola data).")

"""IKM: not built yet; the page says so and draws the common frame."""

from dasbor import frame

frame.segera_hadir("IKM", "penyaring lengkap, tabel IKM dan unduhan CSV/XLSX/Parquet (isu halaman analis).")

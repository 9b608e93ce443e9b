"""The kinds of file the office imports, and for each its columns: the documented synonym table.

A kind (``ikm``, ``ekspor``, ``tenant``, ``target``) is a warehouse table plus the columns a file may carry.
Each column (:class:`Bidang`) names the warehouse column it fills, the header written in the templates, the
header variants matched in real files (compared after :func:`dasbor.impor.kolom.kunci_judul`: case, dots,
slashes, units in brackets do not matter), how its cells are parsed, and whether it is required. The
templates' "Kamus Data" sheet and the README are generated from / checked against this table.

``batas`` (the boundary file) is a fifth kind with no columns; see :mod:`dasbor.impor.batas`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from dasbor.impor import nilai, wilayah

Pengurai = Callable[[str | None], nilai.Hasil[Any]]


@dataclass(frozen=True)
class Bidang:
    """One column a file of this kind may have."""

    nama: str
    """Warehouse column it fills (or a helper such as ``tenaga_kerja``, the total used for a check)."""
    label: str
    """Header in the template and in messages."""
    urai: Pengurai
    tipe: type[pl.DataType]
    sinonim: tuple[str, ...]
    wajib: bool = False
    """Every row needs a value (the column itself may come from the title/sheet, see ``dari_konteks``)."""
    keterangan: str = ""
    contoh: str = ""
    satuan: str | None = None
    """'rupiah', 'usd' or 'berat': a unit in the header ("(Rp juta)", "(ton)") scales the values."""
    simpan: bool = True
    """False for helper columns that are checked but not stored."""
    dari_konteks: bool = False
    """The value may come from the title rows, sheet name, file name or ``--tahun`` when the column is absent."""


@dataclass(frozen=True)
class Jenis:
    """A kind of import: its table, its columns, its duplicate key and its replacement scope."""

    nama: str
    judul: str
    tabel: str
    bidang: tuple[Bidang, ...]
    kunci: tuple[str, ...]
    """Columns that identify a row; two rows with the same key in one file are duplicates."""
    cakupan: str
    """What an import replaces, in words (README and the page)."""

    def bidang_nama(self, nama: str) -> Bidang:
        """The column definition by warehouse name."""
        return next(b for b in self.bidang if b.nama == nama)

    @property
    def wajib(self) -> tuple[Bidang, ...]:
        """Columns every row must fill."""
        return tuple(b for b in self.bidang if b.wajib)


SEKTOR: dict[str, str] = {
    "pangan": "Pangan",
    "makanan": "Pangan",
    "makanan dan minuman": "Pangan",
    "agro": "Pangan",
    "industri pangan": "Pangan",
    "sandang": "Sandang",
    "tekstil": "Sandang",
    "sandang dan kulit": "Sandang",
    "industri sandang": "Sandang",
    "kimia dan bahan bangunan": "Kimia dan Bahan Bangunan",
    "kimia bahan bangunan": "Kimia dan Bahan Bangunan",
    "kimia": "Kimia dan Bahan Bangunan",
    "bahan bangunan": "Kimia dan Bahan Bangunan",
    "kbb": "Kimia dan Bahan Bangunan",
    "logam dan elektronika": "Logam dan Elektronika",
    "logam elektronika": "Logam dan Elektronika",
    "logam": "Logam dan Elektronika",
    "elektronika": "Logam dan Elektronika",
    "ilmea": "Logam dan Elektronika",
    "kerajinan": "Kerajinan",
    "kerajinan dan aneka": "Kerajinan",
    "aneka": "Kerajinan",
}
"""The five IKM sectors of the provincial registry and how kabupaten lists name them."""

SEKTOR_KBLI: dict[str, str] = {
    **dict.fromkeys(("10", "11", "12"), "Pangan"),
    **dict.fromkeys(("13", "14", "15"), "Sandang"),
    **dict.fromkeys(("161", "17", "18", "19", "20", "21", "22", "23"), "Kimia dan Bahan Bangunan"),
    **dict.fromkeys(("24", "25", "26", "27", "28", "29", "30", "33"), "Logam dan Elektronika"),
    **dict.fromkeys(("162", "31", "32"), "Kerajinan"),
}
"""Sector from the KBLI code when the file has no sector column (longest prefix wins: 161 sawmills are
building materials, 162 woven and carved goods are crafts)."""

RANTAI = {r: r for r in ("batubara", "sawit", "karet", "rotan", "kayu", "perikanan", "pertanian", "lainnya")} | {
    "batu bara": "batubara",
    "kelapa sawit": "sawit",
    "ikan": "perikanan",
    "lain lain": "lainnya",
    "lain": "lainnya",
}
TAHAP = {"hulu": "hulu", "antara": "antara", "hilir": "hilir", "setengah jadi": "antara", "bahan mentah": "hulu"} | {
    "mentah": "hulu",
    "barang jadi": "hilir",
    "jadi": "hilir",
    "intermediate": "antara",
}
SKALA = {
    "kecil": "kecil",
    "industri kecil": "kecil",
    "ik": "kecil",
    "mikro": "kecil",
    "menengah": "menengah",
    "industri menengah": "menengah",
    "im": "menengah",
}
"""Mikro counts as kecil: the registry has two scales (Permenperin 64/2016)."""
STATUS_TENANT = {
    "rencana": "rencana",
    "perencanaan": "rencana",
    "komitmen": "rencana",
    "konstruksi": "konstruksi",
    "pembangunan": "konstruksi",
    "tahap konstruksi": "konstruksi",
    "operasi": "operasi",
    "beroperasi": "operasi",
    "produksi": "operasi",
    "aktif": "operasi",
    "berhenti": "berhenti",
    "tidak aktif": "berhenti",
    "tutup": "berhenti",
    "stop": "berhenti",
}
INDIKATOR = {
    "jumlah ikm": "jumlah_ikm",
    "jumlah_ikm": "jumlah_ikm",
    "indeks hilirisasi": "indeks_hilirisasi",
    "sertifikat halal": "sertifikat_halal",
    "jumlah sertifikat halal": "sertifikat_halal",
    "ikm bersertifikat halal": "sertifikat_halal",
}
"""Known indicators; any other name is stored in snake_case (see :func:`indikator`)."""


def indikator(sel: str | None) -> nilai.Hasil[str]:
    """An indicator name -> snake_case id ("Jumlah IKM" -> "jumlah_ikm")."""
    teks, salah = nilai.teks(sel, maks=80)
    if salah or teks is None:
        return None, salah
    kunci = nilai.kunci_nama(teks)
    return INDIKATOR.get(kunci, kunci.replace(" ", "_")), None


def _teks(maks: int = 300) -> Pengurai:
    return nilai.pengurai_teks(maks)


def _pilihan(alias: dict[str, str], nama: str) -> Pengurai:
    return nilai.pengurai_pilihan({nilai.kunci_nama(k): v for k, v in alias.items()}, nama)


_KAB = ("kabupaten kota", "kab kota", "kabupaten", "kota", "kab", "kode bps", "kabupaten kota asal", "daerah")
_NO = Bidang(
    "no", "No", _teks(), pl.String, ("no", "nomor", "no urut", "nomor urut"), simpan=False, keterangan="Diabaikan"
)

IKM = Jenis(
    nama="ikm",
    judul="Registri IKM",
    tabel="ikm",
    kunci=("tahun_data", "id"),
    cakupan="baris IKM dengan tahun data dan kabupaten/kota yang sama dengan berkas",
    bidang=(
        _NO,
        Bidang(
            "id",
            "NIB / ID IKM",
            nilai.PENGURAI_ID,
            pl.String,
            ("nib", "no nib", "nomor induk berusaha", "id", "id ikm", "kode ikm", "no registrasi", "id usaha"),
            keterangan="NIB atau ID tetap dari kantor. Kosong: ID dibuat dari nama, kabupaten dan kecamatan.",
            contoh="9120001234567",
        ),
        Bidang(
            "tahun_data",
            "Tahun Data",
            nilai.tahun,
            pl.Int64,
            ("tahun data", "tahun", "tahun registrasi", "tahun pendataan", "periode"),
            wajib=True,
            dari_konteks=True,
            keterangan="Tahun registri. Tanpa kolom ini: dari judul, nama lembar/berkas, atau pilihan tahun.",
            contoh="2025",
        ),
        Bidang(
            "nama_usaha",
            "Nama Usaha",
            _teks(200),
            pl.String,
            ("nama usaha", "nama perusahaan", "nama ikm", "nama industri", "perusahaan", "nama"),
            wajib=True,
            contoh="UD Sasirangan Galuh",
        ),
        Bidang(
            "kode_bps",
            "Kabupaten/Kota",
            wilayah.kabupaten,
            pl.String,
            (*_KAB, "wilayah"),
            wajib=True,
            dari_konteks=True,
            keterangan="Nama atau kode BPS (Tala, Batola, HSU, Kab. Banjar, 6303 ...). Tanpa kolom: dari judul "
            "atau nama lembar.",
            contoh="Kab. Banjar",
        ),
        Bidang("kecamatan", "Kecamatan", _teks(100), pl.String, ("kecamatan", "kec"), contoh="Martapura"),
        Bidang(
            "kbli",
            "KBLI",
            nilai.kbli,
            pl.String,
            ("kbli", "kode kbli", "kbli 2020", "no kbli"),
            keterangan="5 angka KBLI 2020",
            contoh="10792",
        ),
        Bidang(
            "sektor",
            "Sektor",
            _pilihan(SEKTOR, "sektor"),
            pl.String,
            ("sektor", "sektor industri", "kelompok industri", "cabang industri"),
            keterangan="Pangan, Sandang, Kimia dan Bahan Bangunan, Logam dan Elektronika, Kerajinan. Kosong: "
            "dari KBLI.",
            contoh="Pangan",
        ),
        Bidang(
            "komoditas",
            "Komoditas",
            _teks(200),
            pl.String,
            ("komoditas", "komoditi", "produk", "jenis produk", "produk utama", "jenis usaha"),
            contoh="kue tradisional",
        ),
        Bidang(
            "rantai",
            "Rantai",
            _pilihan(RANTAI, "rantai"),
            pl.String,
            ("rantai", "rantai komoditas", "rantai nilai"),
            keterangan="batubara, sawit, karet, rotan, kayu, perikanan, pertanian, lainnya",
            contoh="pertanian",
        ),
        Bidang(
            "tahap",
            "Tahap",
            _pilihan(TAHAP, "tahap"),
            pl.String,
            ("tahap", "tahap hilirisasi", "tahap olahan"),
            keterangan="hulu, antara, hilir",
            contoh="hilir",
        ),
        Bidang(
            "skala",
            "Skala",
            _pilihan(SKALA, "skala"),
            pl.String,
            ("skala", "skala usaha", "skala industri", "kategori"),
            keterangan="kecil atau menengah. Kosong: dari jumlah tenaga kerja (< 20 kecil, 20-99 menengah).",
            contoh="kecil",
        ),
        Bidang(
            "tenaga_kerja_l",
            "Tenaga Kerja L",
            nilai.bulat,
            pl.Int64,
            ("tenaga kerja l", "tk l", "tenaga kerja laki laki", "tk laki laki", "laki laki", "l", "pria"),
            keterangan="Orang. Judul dua baris 'Tenaga Kerja' di atas 'L'/'P' juga dikenali.",
            contoh="3",
        ),
        Bidang(
            "tenaga_kerja_p",
            "Tenaga Kerja P",
            nilai.bulat,
            pl.Int64,
            ("tenaga kerja p", "tk p", "tenaga kerja perempuan", "tk perempuan", "perempuan", "p", "wanita"),
            contoh="2",
        ),
        Bidang(
            "tenaga_kerja",
            "Tenaga Kerja Jumlah",
            nilai.bulat,
            pl.Int64,
            (
                "tenaga kerja jumlah",
                "tenaga kerja",
                "jumlah tenaga kerja",
                "tk",
                "jumlah tk",
                "total tenaga kerja",
                "tenaga kerja total",
                "tenaga kerja l p",
            ),
            simpan=False,
            keterangan="Diperiksa: L + P = Jumlah. Dengan Jumlah dan P saja, L = Jumlah - P.",
            contoh="5",
        ),
        Bidang(
            "investasi_rp",
            "Investasi (Rp)",
            nilai.rupiah,
            pl.Int64,
            ("investasi", "nilai investasi", "modal", "investasi modal"),
            satuan="rupiah",
            keterangan="Rupiah penuh; 'Rp 1.250.000' dan '1,5 juta' dikenali; '(Rp juta)' di judul dikalikan.",
            contoh="25.000.000",
        ),
        Bidang(
            "nilai_produksi_rp",
            "Nilai Produksi (Rp)",
            nilai.rupiah,
            pl.Int64,
            ("nilai produksi", "produksi nilai", "nilai output", "output"),
            satuan="rupiah",
            contoh="90.000.000",
        ),
        Bidang(
            "nilai_bahan_baku_rp",
            "Nilai Bahan Baku (Rp)",
            nilai.rupiah,
            pl.Int64,
            ("nilai bahan baku", "bahan baku", "bahan baku nilai", "nilai bb"),
            satuan="rupiah",
            contoh="50.000.000",
        ),
        Bidang(
            "tahun_berdiri",
            "Tahun Berdiri",
            nilai.tahun,
            pl.Int64,
            ("tahun berdiri", "tahun mulai usaha", "berdiri sejak", "thn berdiri", "tahun izin"),
            contoh="2015",
        ),
        Bidang(
            "halal",
            "Halal",
            nilai.ya_tidak,
            pl.Boolean,
            ("halal", "sertifikat halal", "bersertifikat halal", "status halal", "sudah halal"),
            keterangan="Ya/Tidak/Sudah/Belum; kosong dibaca Tidak (daftar kabupaten hanya menandai yang punya).",
            contoh="Ya",
        ),
        Bidang(
            "tanggal_halal",
            "Tanggal Sertifikat Halal",
            nilai.tanggal,
            pl.Date,
            ("tanggal halal", "tanggal sertifikat halal", "tgl halal", "tgl sertifikat halal"),
            contoh="15/08/2024",
        ),
        Bidang(
            "berorientasi_ekspor",
            "Berorientasi Ekspor",
            nilai.ya_tidak,
            pl.Boolean,
            ("berorientasi ekspor", "orientasi ekspor", "ekspor", "pasar ekspor", "eksportir"),
            keterangan="Ya/Tidak; kosong dibaca Tidak.",
            contoh="Tidak",
        ),
        Bidang(
            "lat",
            "Lintang",
            nilai.koordinat,
            pl.Float64,
            ("lat", "latitude", "lintang", "koordinat lintang"),
            keterangan="Derajat desimal, negatif (selatan)",
            contoh="-3,41234",
        ),
        Bidang(
            "lon",
            "Bujur",
            nilai.koordinat,
            pl.Float64,
            ("lon", "long", "lng", "longitude", "bujur", "koordinat bujur"),
            contoh="114,85012",
        ),
    ),
)

EKSPOR = Jenis(
    nama="ekspor",
    judul="Ekspor bulanan",
    tabel="ekspor",
    kunci=("tahun", "bulan", "kode_hs", "negara_tujuan", "kode_bps", "pelabuhan"),
    cakupan="baris ekspor dengan bulan dan kabupaten/kota asal (atau tingkat provinsi) yang sama dengan berkas",
    bidang=(
        _NO,
        Bidang(
            "tahun",
            "Tahun",
            nilai.tahun,
            pl.Int64,
            ("tahun",),
            wajib=True,
            dari_konteks=True,
            contoh="2025",
        ),
        Bidang(
            "bulan",
            "Bulan",
            nilai.bulan,
            pl.Int64,
            ("bulan", "bln", "periode bulan"),
            wajib=True,
            dari_konteks=True,
            keterangan="1-12 atau nama bulan",
            contoh="Januari",
        ),
        Bidang(
            "kode_hs",
            "Kode HS",
            nilai.kode_hs,
            pl.String,
            ("kode hs", "hs", "hs code", "pos tarif", "kode hs 8 digit", "hs 8 digit", "pos tarif hs", "kode barang"),
            wajib=True,
            keterangan="2-10 angka; nol di depan yang hilang di Excel dikembalikan",
            contoh="27011210",
        ),
        Bidang(
            "uraian_hs",
            "Uraian",
            _teks(300),
            pl.String,
            ("uraian", "uraian hs", "uraian barang", "deskripsi", "nama barang", "komoditas", "uraian komoditas"),
            contoh="Batu bara bituminus",
        ),
        Bidang(
            "negara_tujuan",
            "Negara Tujuan",
            _teks(100),
            pl.String,
            ("negara tujuan", "negara", "tujuan", "negara tujuan ekspor"),
            contoh="Tiongkok",
        ),
        Bidang(
            "pelabuhan",
            "Pelabuhan",
            _teks(100),
            pl.String,
            ("pelabuhan", "pelabuhan muat", "pelabuhan ekspor", "pelabuhan asal"),
            contoh="Trisakti Banjarmasin",
        ),
        Bidang(
            "kode_bps",
            "Kabupaten/Kota Asal",
            wilayah.kabupaten_atau_provinsi,
            pl.String,
            (*_KAB, "daerah asal", "kabupaten asal", "asal barang"),
            keterangan="Kosong atau 'Kalimantan Selatan': tingkat provinsi",
            contoh="Tabalong",
        ),
        Bidang(
            "berat_kg",
            "Berat Bersih (kg)",
            nilai.desimal,
            pl.Float64,
            ("berat bersih", "berat", "netto", "volume", "berat netto"),
            satuan="berat",
            keterangan="kg; '(ton)' di judul dikalikan 1.000",
            contoh="1.250.000",
        ),
        Bidang(
            "nilai_usd",
            "Nilai FOB (US$)",
            nilai.desimal,
            pl.Float64,
            ("nilai fob", "fob", "nilai", "nilai ekspor"),
            wajib=True,
            satuan="usd",
            keterangan="US$; '(ribu US$)' atau '(juta US$)' di judul dikalikan",
            contoh="106.250,50",
        ),
    ),
)

TENANT = Jenis(
    nama="tenant",
    judul="Tenant kawasan industri",
    tabel="kawasan_tenant",
    kunci=("kawasan_id", "nama_perusahaan"),
    cakupan="semua tenant kawasan yang ada di berkas (Jorong dan/atau Batulicin)",
    bidang=(
        _NO,
        Bidang(
            "kawasan_id",
            "Kawasan",
            _pilihan(wilayah.ALIAS_KAWASAN, "kawasan"),
            pl.String,
            ("kawasan", "kawasan industri", "nama kawasan", "ki", "lokasi kawasan"),
            wajib=True,
            dari_konteks=True,
            keterangan="Jorong atau Batulicin",
            contoh="Batulicin",
        ),
        Bidang(
            "nama_perusahaan",
            "Nama Perusahaan",
            _teks(200),
            pl.String,
            ("nama perusahaan", "perusahaan", "nama tenant", "tenant", "nama investor", "investor"),
            wajib=True,
            contoh="PT Contoh Baja",
        ),
        Bidang(
            "sektor",
            "Sektor",
            _teks(100),
            pl.String,
            ("sektor", "bidang usaha", "jenis industri"),
            contoh="Logam dasar",
        ),
        Bidang("rantai", "Rantai", _pilihan(RANTAI, "rantai"), pl.String, ("rantai", "rantai komoditas")),
        Bidang(
            "status",
            "Status",
            _pilihan(STATUS_TENANT, "status"),
            pl.String,
            ("status", "status operasi", "status tenant", "progres", "tahap"),
            wajib=True,
            keterangan="rencana, konstruksi, operasi, berhenti",
            contoh="operasi",
        ),
        Bidang(
            "tahun_mulai",
            "Tahun Mulai",
            nilai.tahun,
            pl.Int64,
            ("tahun mulai", "tahun operasi", "mulai operasi", "tahun masuk"),
            contoh="2018",
        ),
        Bidang(
            "tahun_berhenti",
            "Tahun Berhenti",
            nilai.tahun,
            pl.Int64,
            ("tahun berhenti", "berhenti", "tahun tutup"),
        ),
        Bidang(
            "investasi_rp",
            "Investasi (Rp)",
            nilai.rupiah,
            pl.Int64,
            ("investasi", "nilai investasi", "rencana investasi"),
            satuan="rupiah",
            contoh="1,5 triliun",
        ),
        Bidang(
            "tenaga_kerja",
            "Tenaga Kerja",
            nilai.bulat,
            pl.Int64,
            ("tenaga kerja", "jumlah tenaga kerja", "tk", "serapan tenaga kerja"),
            contoh="310",
        ),
        Bidang("luas_ha", "Luas (ha)", nilai.desimal, pl.Float64, ("luas", "luas lahan"), contoh="15"),
        Bidang(
            "kapasitas", "Kapasitas", nilai.desimal, pl.Float64, ("kapasitas", "kapasitas produksi"), contoh="40.000"
        ),
        Bidang(
            "satuan_kapasitas",
            "Satuan Kapasitas",
            _teks(50),
            pl.String,
            ("satuan kapasitas", "satuan"),
            contoh="ton/tahun",
        ),
        Bidang("keterangan", "Keterangan", _teks(500), pl.String, ("keterangan", "catatan", "ket")),
    ),
)

TARGET = Jenis(
    nama="target",
    judul="Target rencana",
    tabel="target",
    kunci=("indikator", "kode_bps", "tahun"),
    cakupan="target dengan indikator, tahun dan wilayah (kabupaten/kota atau provinsi) yang sama dengan berkas",
    bidang=(
        _NO,
        Bidang(
            "indikator",
            "Indikator",
            indikator,
            pl.String,
            ("indikator", "indikator kinerja", "nama indikator", "sasaran"),
            wajib=True,
            keterangan="mis. jumlah_ikm, indeks_hilirisasi, sertifikat_halal (nama lain disimpan apa adanya)",
            contoh="Jumlah IKM",
        ),
        Bidang(
            "kode_bps",
            "Kabupaten/Kota",
            wilayah.kabupaten_atau_provinsi,
            pl.String,
            (*_KAB, "wilayah", "lingkup"),
            keterangan="Kosong atau 'Kalimantan Selatan': target provinsi",
            contoh="Kalimantan Selatan",
        ),
        Bidang(
            "tahun",
            "Tahun",
            nilai.tahun,
            pl.Int64,
            ("tahun", "tahun target"),
            wajib=True,
            dari_konteks=True,
            contoh="2026",
        ),
        Bidang(
            "nilai_target",
            "Nilai Target",
            nilai.desimal,
            pl.Float64,
            ("nilai target", "target", "nilai"),
            wajib=True,
            contoh="76.000",
        ),
        Bidang("satuan", "Satuan", _teks(50), pl.String, ("satuan",), contoh="unit"),
        Bidang(
            "dokumen",
            "Dokumen",
            _teks(100),
            pl.String,
            ("dokumen", "sumber dokumen", "dokumen perencanaan", "sumber"),
            keterangan="RPJMD, Renstra, RPIP, RPIK ...",
            contoh="Renstra",
        ),
    ),
)

JENIS: dict[str, Jenis] = {j.nama: j for j in (IKM, EKSPOR, TENANT, TARGET)}
"""Every tabular kind by name."""
SEMUA_JENIS = (*JENIS, "batas")
"""The kinds the command line and the page offer."""

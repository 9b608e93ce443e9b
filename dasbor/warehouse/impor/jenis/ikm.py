"""Kind ``ikm``: the IKM registry, one row per firm per data year; its columns and row rules."""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl

from dasbor.warehouse.impor import nilai, wilayah
from dasbor.warehouse.impor.jenis.dasar import (
    BIDANG_NO,
    BIDANG_PROVINSI,
    KOTAK_KALSEL,
    RANTAI,
    SEKTOR,
    SEKTOR_KBLI,
    SINONIM_KAB,
    SKALA,
    TAHAP,
    Bidang,
    Jenis,
    langgar,
    negatif,
    pilihan,
    teks,
)


def aturan(d: pl.DataFrame, hari_ini: dt.date, catatan: list[str]) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    tahun_ini = hari_ini.year
    m: list[pl.DataFrame] = []
    m += negatif(
        d,
        (
            "tenaga_kerja_l",
            "tenaga_kerja_p",
            "tenaga_kerja",
            "investasi_rp",
            "nilai_produksi_rp",
            "nilai_bahan_baku_rp",
        ),
    )
    m.append(
        langgar(d, pl.col("tahun_data") > tahun_ini, "tahun_data", f"tahun data di masa depan (tahun ini {tahun_ini})")
    )
    m.append(langgar(d, pl.col("tahun_data") < 2000, "tahun_data", "tahun data sebelum 2000"))
    m.append(
        langgar(
            d,
            pl.col("tahun_berdiri") > tahun_ini,
            "tahun_berdiri",
            f"tahun berdiri di masa depan (tahun ini {tahun_ini})",
        )
    )
    m.append(
        langgar(
            d,
            (pl.col("tahun_berdiri") > pl.col("tahun_data")) & (pl.col("tahun_berdiri") <= tahun_ini),
            "tahun_berdiri",
            pl.format("tahun berdiri sesudah tahun data ({})", pl.col("tahun_data")),
        )
    )
    m.append(langgar(d, pl.col("tanggal_halal") > hari_ini, "tanggal_halal", "tanggal sertifikat di masa depan"))
    m.append(
        langgar(
            d,
            (pl.col("tenaga_kerja_p") > pl.col("tenaga_kerja")),
            "tenaga_kerja_p",
            pl.format(
                "tenaga kerja perempuan ({}) lebih banyak dari jumlah tenaga kerja ({})",
                pl.col("tenaga_kerja_p"),
                pl.col("tenaga_kerja"),
            ),
        )
    )
    m.append(
        langgar(
            d,
            (pl.col("tenaga_kerja_l") > pl.col("tenaga_kerja")),
            "tenaga_kerja_l",
            pl.format(
                "tenaga kerja laki-laki ({}) lebih banyak dari jumlah tenaga kerja ({})",
                pl.col("tenaga_kerja_l"),
                pl.col("tenaga_kerja"),
            ),
        )
    )
    m.append(
        langgar(
            d,
            (pl.col("tenaga_kerja_l") + pl.col("tenaga_kerja_p") != pl.col("tenaga_kerja"))
            & (pl.col("tenaga_kerja_l") <= pl.col("tenaga_kerja"))
            & (pl.col("tenaga_kerja_p") <= pl.col("tenaga_kerja")),
            "tenaga_kerja",
            pl.format(
                "L + P = {}, tidak sama dengan jumlah {}",
                pl.col("tenaga_kerja_l") + pl.col("tenaga_kerja_p"),
                pl.col("tenaga_kerja"),
            ),
        )
    )
    lat_lon_tertukar = pl.col("lat").is_between(*KOTAK_KALSEL["lon"]) & pl.col("lon").is_between(*KOTAK_KALSEL["lat"])
    m.append(
        langgar(
            d,
            ~pl.col("lat").is_between(*KOTAK_KALSEL["lat"]) | ~pl.col("lon").is_between(*KOTAK_KALSEL["lon"]),
            "lat",
            pl.when(lat_lon_tertukar)
            .then(pl.lit("lintang dan bujur tertukar?"))
            .otherwise(pl.format("koordinat ({}, {}) di luar Kalimantan Selatan", pl.col("lat"), pl.col("lon"))),
        )
    )
    # Derived values, each said once in a note.
    tanpa_l = pl.col("tenaga_kerja_l").is_null() & pl.col("tenaga_kerja").is_not_null()
    tanpa_p = pl.col("tenaga_kerja_p").is_null() & pl.col("tenaga_kerja").is_not_null()
    n_turun = d.filter(
        (tanpa_l & pl.col("tenaga_kerja_p").is_not_null()) | (tanpa_p & pl.col("tenaga_kerja_l").is_not_null())
    ).height
    if n_turun:
        catatan.append(f"{n_turun} baris: tenaga kerja L atau P dihitung dari Jumlah dikurangi yang lain.")
    hanya_jumlah = d.filter(tanpa_l & tanpa_p)
    m.append(
        langgar(
            hanya_jumlah,
            pl.lit(True),
            "tenaga_kerja",
            "hanya jumlah tenaga kerja: isi juga L atau P (dasbor memisahkan laki-laki dan perempuan)",
        )
    )
    d = d.with_columns(
        pl.when(tanpa_l)
        .then(pl.col("tenaga_kerja") - pl.col("tenaga_kerja_p"))
        .otherwise(pl.col("tenaga_kerja_l"))
        .alias("tenaga_kerja_l"),
        pl.when(tanpa_p)
        .then(pl.col("tenaga_kerja") - pl.col("tenaga_kerja_l"))
        .otherwise(pl.col("tenaga_kerja_p"))
        .alias("tenaga_kerja_p"),
    )
    tk = pl.col("tenaga_kerja_l") + pl.col("tenaga_kerja_p")
    n_skala = d.filter(pl.col("skala").is_null() & tk.is_not_null()).height
    if n_skala:
        catatan.append(f"{n_skala} baris tanpa skala: diisi dari tenaga kerja (< 20 kecil, 20-99 menengah).")
    m.append(
        langgar(
            d,
            pl.col("skala").is_null() & (tk >= 100),
            "skala",
            pl.format("skala kosong dan tenaga kerja {} orang (≥ 100: industri besar, bukan IKM)", tk),
        )
    )
    d = d.with_columns(
        pl.when(pl.col("skala").is_not_null())
        .then(pl.col("skala"))
        .when(tk < 20)
        .then(pl.lit("kecil"))
        .when(tk < 100)
        .then(pl.lit("menengah"))
        .alias("skala")
    )
    tanpa_sektor = pl.col("sektor").is_null() & pl.col("kbli").is_not_null()
    n_sektor = d.filter(tanpa_sektor).height
    if n_sektor:
        catatan.append(f"{n_sektor} baris tanpa sektor: diisi dari KBLI.")
    d = d.with_columns(
        pl.when(pl.col("sektor").is_not_null())
        .then(pl.col("sektor"))
        .otherwise(
            pl.col("kbli")
            .str.slice(0, 3)
            .replace_strict(SEKTOR_KBLI, default=None, return_dtype=pl.String)
            .fill_null(pl.col("kbli").str.slice(0, 2).replace_strict(SEKTOR_KBLI, default=None, return_dtype=pl.String))
        )
        .alias("sektor")
    )
    halal_tidak = (pl.col("halal") == False) & pl.col("tanggal_halal").is_not_null()  # noqa: E712
    m.append(
        langgar(
            d.filter(pl.col("_mentah_halal").is_not_null()) if "_mentah_halal" in d.columns else d.clear(),
            halal_tidak,
            "halal",
            "Halal = Tidak tetapi ada tanggal sertifikat halal",
        )
    )
    d = d.with_columns(
        pl.when(pl.col("halal").is_null() & pl.col("tanggal_halal").is_not_null())
        .then(pl.lit(True))
        .otherwise(pl.col("halal").fill_null(False))
        .alias("halal"),
        pl.col("berorientasi_ekspor").fill_null(False),
    )
    tanpa_id = pl.col("id").is_null() & pl.col("nama_usaha").is_not_null() & pl.col("kode_bps").is_not_null()
    n_id = d.filter(tanpa_id).height
    if n_id:
        catatan.append(
            f"{n_id} baris tanpa NIB/ID: diberi ID turunan dari nama usaha, kabupaten dan kecamatan (dan pemilik "
            "serta alamat bila ada)."
        )
        # Firms without an NIB that share a trading name ("TERASI", "Warung") are different firms unless owner
        # and address agree too: without both, the 2nd, 3rd ... of a name in a kecamatan get their own id.
        ada = set(d.columns)
        bagian = [
            pl.col("nama_usaha").str.to_lowercase(),
            pl.col("kode_bps"),
            pl.col("kecamatan").str.to_lowercase().fill_null(""),
        ]
        pa = [pl.col(c).str.to_lowercase().fill_null("") for c in ("pemilik", "alamat") if c in ada]
        kunci = pl.concat_str([*bagian, *pa], separator="|")
        lengkap = (
            pl.all_horizontal(pl.col(c).is_not_null() for c in ("pemilik", "alamat")) if len(pa) == 2 else pl.lit(False)
        )
        ke = pl.int_range(pl.len()).over(kunci)
        kunci = pl.when(lengkap | (ke == 0)).then(kunci).otherwise(kunci + pl.lit("|#") + ke.cast(pl.String))
        d = d.with_columns(
            pl.when(tanpa_id)
            .then(pl.lit("T-") + kunci.map_batches(_sidik, return_dtype=pl.String))
            .otherwise(pl.col("id"))
            .alias("id")
        )
    return d, m


def _sidik(s: pl.Series) -> pl.Series:
    """A short stable digest per value (derived firm ids): the same firm gets the same id every year."""
    return pl.Series([hashlib.sha256(v.encode()).hexdigest()[:12] if v else None for v in s.to_list()], dtype=pl.String)


IKM = Jenis(
    nama="ikm",
    judul="Registri IKM",
    tabel="ikm",
    kunci=("tahun_data", "id"),
    cakupan="baris IKM dengan tahun data dan kabupaten/kota yang sama dengan berkas",
    bidang=(
        BIDANG_NO,
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
            teks(200),
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
            (*SINONIM_KAB, "wilayah"),
            wajib=True,
            dari_konteks=True,
            keterangan="Nama atau kode BPS (Tala, Batola, HSU, Kab. Banjar, 6303 ...). Tanpa kolom: dari judul "
            "atau nama lembar.",
            contoh="Kab. Banjar",
        ),
        Bidang(
            "kecamatan", "Kecamatan", teks(100), pl.String, ("kecamatan", "kec", "nama kecamatan"), contoh="Martapura"
        ),
        Bidang(
            "pemilik",
            "Pemilik",
            teks(200),
            pl.String,
            ("pemilik", "nama pemilik", "pemilik usaha", "penanggung jawab", "nama penanggung jawab"),
            simpan=False,
            keterangan="Tidak disimpan; membedakan usaha tanpa NIB yang bernama sama.",
        ),
        Bidang(
            "alamat",
            "Alamat",
            teks(300),
            pl.String,
            ("alamat", "alamat usaha", "alamat perusahaan", "alamat lengkap"),
            simpan=False,
            keterangan="Tidak disimpan; membedakan usaha tanpa NIB yang bernama sama.",
        ),
        BIDANG_PROVINSI,
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
            pilihan(SEKTOR, "sektor"),
            pl.String,
            ("sektor", "sektor industri", "kelompok industri", "cabang industri"),
            keterangan="Pangan, Sandang, Kimia dan Bahan Bangunan, Logam dan Elektronika, Kerajinan. Kosong: "
            "dari KBLI.",
            contoh="Pangan",
        ),
        Bidang(
            "komoditas",
            "Komoditas",
            teks(200),
            pl.String,
            ("komoditas", "komoditi", "produk", "jenis produk", "produk utama", "jenis usaha"),
            contoh="kue tradisional",
        ),
        Bidang(
            "rantai",
            "Rantai",
            pilihan(RANTAI, "rantai"),
            pl.String,
            ("rantai", "rantai komoditas", "rantai nilai"),
            keterangan="batubara, sawit, karet, rotan, kayu, perikanan, pertanian, lainnya",
            contoh="pertanian",
        ),
        Bidang(
            "tahap",
            "Tahap",
            pilihan(TAHAP, "tahap"),
            pl.String,
            ("tahap", "tahap hilirisasi", "tahap olahan"),
            keterangan="hulu, antara, hilir",
            contoh="hilir",
        ),
        Bidang(
            "skala",
            "Skala",
            pilihan(SKALA, "skala"),
            pl.String,
            ("skala", "skala usaha", "skala industri", "kategori skala", "kategori usaha"),
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
    aturan=aturan,
)

"""Wide tables read as long ones: targets with years as columns, and BPS's export cross-table.

* **Targets** (kind ``target``): ``Indikator | Satuan | 2024 | 2025 | 2026`` becomes one row per indicator and
  year (``Tahun``, ``Nilai Target``); an empty year cell is no target and gives no row.
* **BPS export portal** (kind ``ekspor``): HS codes down the rows and country, port and month across two or
  three header rows (merged cells spanning right), thousands of columns. It becomes one row per HS code,
  country, port and month with ``Nilai FOB (US$)`` (or ``Berat Bersih (kg)`` when the title says the table is
  in kg); the year comes from a header cell ("Januari 2024") or, as for any sheet, from the title or the file
  name. Which header rows were read is said in a note.

The long sheet keeps each value's Excel row (``Lembar.baris_asli``), so a problem still names the row the
user sees. Unpivoting is polars' ``unpivot``: a 500 x 3,000 table is 1.5 million cells, not a Python loop.
"""

from __future__ import annotations

import re
from dataclasses import replace

import polars as pl

from dasbor.warehouse.impor import kolom, nilai
from dasbor.warehouse.impor.baca import Lembar
from dasbor.warehouse.impor.jenis import Jenis

_TAHUN = re.compile(r"^(?:\x00n:)?(20\d{2})(?:\.0)?$")


def _tahun(sel: str | None) -> int | None:
    cocok = _TAHUN.match(sel or "")
    return int(cocok.group(1)) if cocok else None


def _isi_kanan(baris: list[str | None], mulai: int) -> list[str | None]:
    """A header row with merged cells spread right (from column ``mulai`` on)."""
    hasil, terakhir = list(baris), None
    for j in range(mulai, len(hasil)):
        if hasil[j] is not None:
            terakhir = hasil[j]
        else:
            hasil[j] = terakhir
    return hasil


def _panjang(
    lembar: Lembar,
    atas: int,
    data_mulai: int,
    kiri: list[int],
    judul_kiri: list[str],
    nilai_kolom: list[int],
    atribut: dict[str, list[str | None]],
    judul_nilai: str,
) -> Lembar:
    """The long sheet: rows above ``atas`` as they were (titles), one header row, then one row per data row
    and value column with a value; each row keeps its Excel row number."""
    sel = lembar.sel
    data = sel.slice(data_mulai).with_columns((pl.int_range(pl.len()) + data_mulai + 1).alias("_baris"))
    kunci = [f"k{j}" for j in kiri]
    pakai = [f"k{j}" for j in nilai_kolom]
    panjang = data.select("_baris", *kunci, *pakai).unpivot(index=["_baris", *kunci], on=pakai, variable_name="_v")
    meta = pl.DataFrame({"_v": pakai, **{a: pl.Series(v, dtype=pl.String) for a, v in atribut.items()}})
    panjang = (
        panjang.filter(pl.col("value").is_not_null())
        .join(meta, on="_v", how="left")
        .sort("_baris", maintain_order=True)
        .select("_baris", *kunci, *atribut, pl.col("value").alias("_nilai"))
    )
    lebar = len(kunci) + len(atribut) + 1
    nama = [f"k{i}" for i in range(lebar)]
    judul = pl.DataFrame([[*judul_kiri, *atribut, judul_nilai]], schema=nama, orient="row")
    isi = panjang.drop("_baris")
    isi = isi.rename(dict(zip(isi.columns, nama, strict=True)))
    # Title rows stay above, their text joined into the first cell (read for the year, kabupaten, unit).
    teks_atas = [" ".join(nilai.tampil(c) for c in r if c) or None for r in lembar.baris_teks(0, atas)]
    bagian_atas = pl.DataFrame({"k0": pl.Series(teks_atas, dtype=pl.String)})
    frame = pl.concat([bagian_atas, judul, isi], how="diagonal_relaxed")
    baris_asli = pl.concat([pl.Series(list(range(1, atas + 2)), dtype=pl.Int64), panjang["_baris"].cast(pl.Int64)])
    return replace(lembar, sel=frame.select(nama), baris_asli=baris_asli, gabung=frozenset())


def target_lebar(lembar: Lembar, jenis: Jenis) -> tuple[Lembar, str] | None:
    """A target sheet with years as columns, as one row per year; None when the sheet is not so."""
    if jenis.nama != "target":
        return None
    atas = lembar.baris_teks(0, kolom.BARIS_CARI + 1)
    for i, baris in enumerate(atas):
        tahun = {j: t for j, s in enumerate(baris) if (t := _tahun(s)) is not None}
        if len(tahun) < 2:
            continue
        kiri = [j for j, s in enumerate(baris) if s is not None and j not in tahun]
        if not kiri:
            return None
        judul_kiri = [nilai.tampil(baris[j]) for j in kiri]
        kolom_tahun = sorted(tahun)
        baru = _panjang(
            lembar,
            i,
            i + 1,
            kiri,
            judul_kiri,
            kolom_tahun,
            {"Tahun": [str(tahun[j]) for j in kolom_tahun]},
            "Nilai Target",
        )
        teks = ", ".join(str(tahun[j]) for j in kolom_tahun)
        return baru, (
            f"Lembar '{lembar.nama or '-'}': tahun sebagai kolom ({teks}, baris {i + 1}) dibaca sebagai satu baris "
            "per tahun."
        )
    return None


def silang_bps(lembar: Lembar, jenis: Jenis, judul_teks: str = "") -> tuple[Lembar, str] | None:
    """BPS's export cross-table (HS code down, country/port/month across) as one row per combination."""
    if jenis.nama != "ekspor":
        return None
    atas = lembar.baris_teks(0, kolom.BARIS_CARI + 4)
    for i, baris in enumerate(atas[: kolom.BARIS_CARI]):
        hs = [j for j, s in enumerate(baris) if (b := kolom.cocokkan(s, jenis)) is not None and b.nama == "kode_hs"]
        if not hs:
            continue
        kiri = [j for j, s in enumerate(baris) if s is not None and (b := kolom.cocokkan(s, jenis)) is not None]
        mulai_nilai = max(kiri) + 1
        # Header rows: this one and up to two below, while the HS column holds no code yet.
        blok = [i]
        for r in range(i + 1, min(i + 3, len(atas))):
            sel_hs = atas[r][hs[0]] if hs[0] < len(atas[r]) else None
            if sel_hs is not None and re.fullmatch(r"(\x00n:)?[\d.]+", sel_hs):
                break
            if sum(s is not None for s in atas[r][mulai_nilai:]) >= 2:
                blok.append(r)
        # Every column right of the HS/description columns up to the last header cell of the block (merged
        # cells leave the cells to their right empty; those columns hold values too).
        ujung = max(max((j for j, s in enumerate(atas[r]) if s is not None), default=0) for r in blok)
        kolom_nilai = list(range(mulai_nilai, ujung + 1))
        if len(kolom_nilai) < 3:
            return None
        baris_isi = {r: _isi_kanan(atas[r], mulai_nilai) for r in blok}
        atribut: dict[str, list[str | None]] = {}
        tahun_kolom: list[str | None] = [None] * len(kolom_nilai)
        sisa_nama = ["Negara Tujuan", "Pelabuhan"]
        for r in blok:
            sel = [baris_isi[r][j] if j < len(baris_isi[r]) else None for j in kolom_nilai]
            teks = [nilai.tampil(s) if s else "" for s in sel]
            bulan = [kolom.bulan_di(t) or (nilai.bulan(t)[0] if t else None) for t in teks]
            if r == i and all(s is None for s in sel):
                continue
            if sum(b is not None for b in bulan) >= 0.8 * len(sel):
                atribut["Bulan"] = [str(b) if b else None for b in bulan]
                tahun_kolom = [
                    str(t) if (t := kolom.tahun_di(x)) else tc for x, tc in zip(teks, tahun_kolom, strict=True)
                ]
            elif sisa_nama:
                atribut[sisa_nama.pop(0)] = [t or None for t in teks]
        if "Bulan" not in atribut and "Negara Tujuan" not in atribut:
            return None
        if any(tahun_kolom):
            atribut["Tahun"] = tahun_kolom
        teks_judul = judul_teks + " " + " ".join(nilai.tampil(c) for r in atas[:i] for c in r if c)
        berat = bool(re.search(r"(?i)\b(berat|kg|netto)\b", teks_judul))
        judul_nilai = "Berat Bersih (kg)" if berat else "Nilai FOB (US$)"
        judul_kiri = [nilai.tampil(atas[i][j]) for j in kiri]
        baru = _panjang(lembar, i, blok[-1] + 1, kiri, judul_kiri, kolom_nilai, atribut, judul_nilai)
        rentang = "-".join(str(r + 1) for r in (blok[0], blok[-1]))
        return baru, (
            f"Lembar '{lembar.nama or '-'}' adalah tabel silang BPS: judul baris {rentang} "
            f"({', '.join(atribut)}), {len(kolom_nilai)} kolom nilai ({judul_nilai}); dibaca sebagai "
            f"{baru.sel.height - blok[0] - 1} baris."
        )
    return None

-- Appends the accepted rows of one import ($berkas, written by dasbor.impor.gudang) to ikm, tagged $sumber_id.
insert into ikm by name
select
    id,
    cast(tahun_data as integer) as tahun_data,
    nama_usaha,
    kode_bps,
    kecamatan,
    cast(kbli as varchar(5)) as kbli,
    sektor,
    komoditas,
    rantai,
    tahap,
    skala,
    cast(tenaga_kerja_l as integer) as tenaga_kerja_l,
    cast(tenaga_kerja_p as integer) as tenaga_kerja_p,
    cast(investasi_rp as bigint) as investasi_rp,
    cast(nilai_produksi_rp as bigint) as nilai_produksi_rp,
    cast(nilai_bahan_baku_rp as bigint) as nilai_bahan_baku_rp,
    cast(tahun_berdiri as integer) as tahun_berdiri,
    halal,
    tanggal_halal,
    berorientasi_ekspor,
    cast(lat as double) as lat,
    cast(lon as double) as lon,
    $sumber_id as sumber_id
from read_parquet($berkas)

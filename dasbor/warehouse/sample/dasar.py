"""The sample's calendar and geography, shared by every generator: registry and export years, the share of
IKM per kabupaten, the capitals firms scatter around, kecamatan names and each kabupaten's leading industry."""

from __future__ import annotations

TAHUN_REGISTRI = tuple(range(2020, 2026))
"""Registry years of the IKM sample: the latest is 2025, the 'data per' year of the sample."""
TAHUN_EKSPOR = tuple(range(2021, 2026))
"""Five full years of monthly exports."""

KAB_BOBOT: dict[str, float] = {
    "6301": 7,
    "6302": 6,
    "6303": 14,
    "6304": 6,
    "6305": 5,
    "6306": 7,
    "6307": 7,
    "6308": 9,
    "6309": 6,
    "6310": 6,
    "6311": 4,
    "6371": 19,
    "6372": 4,
}
"""Share of IKM per kabupaten, after the SE2016 shares of non-farm businesses (percent)."""

KAB_IBUKOTA: dict[str, tuple[float, float, float]] = {
    "6301": (-3.80, 114.77, 0.12),
    "6302": (-3.30, 116.17, 0.15),
    "6303": (-3.41, 114.85, 0.10),
    "6304": (-2.99, 114.76, 0.10),
    "6305": (-2.94, 115.16, 0.08),
    "6306": (-2.78, 115.27, 0.08),
    "6307": (-2.58, 115.38, 0.07),
    "6308": (-2.42, 115.25, 0.06),
    "6309": (-2.17, 115.38, 0.08),
    "6310": (-3.42, 115.99, 0.12),
    "6311": (-2.33, 115.47, 0.07),
    "6371": (-3.32, 114.59, 0.025),
    "6372": (-3.44, 114.83, 0.03),
}
"""Approximate (lat, lon, spread in degrees) of each capital; sample firm coordinates scatter around it."""

KECAMATAN: dict[str, tuple[str, ...]] = {
    "6301": ("Pelaihari", "Takisung", "Jorong", "Kintap", "Batu Ampar", "Bati-Bati", "Kurau", "Panyipatan"),
    "6302": ("Pulau Laut Utara", "Pulau Laut Sigam", "Kelumpang Hulu", "Pamukan Selatan", "Sampanahan"),
    "6303": (
        "Martapura",
        "Martapura Timur",
        "Martapura Barat",
        "Astambul",
        "Karang Intan",
        "Gambut",
        "Kertak Hanyar",
        "Sungai Tabuk",
        "Aluh-Aluh",
        "Simpang Empat",
    ),
    "6304": ("Marabahan", "Alalak", "Anjir Pasar", "Tamban", "Mandastana", "Wanaraya"),
    "6305": ("Tapin Utara", "Tapin Selatan", "Binuang", "Candi Laras Selatan", "Bungur", "Lokpaikat"),
    "6306": ("Kandangan", "Simpur", "Angkinang", "Sungai Raya", "Daha Selatan", "Daha Utara", "Loksado"),
    "6307": ("Barabai", "Batu Benawa", "Pandawan", "Haruyan", "Labuan Amas Selatan", "Hantakan"),
    "6308": ("Amuntai Tengah", "Amuntai Selatan", "Amuntai Utara", "Sungai Tabukan", "Babirik", "Banjang"),
    "6309": ("Tanjung", "Murung Pudak", "Kelua", "Tanta", "Muara Uya", "Upau"),
    "6310": ("Simpang Empat", "Batulicin", "Karang Bintang", "Kusan Hilir", "Satui", "Angsana"),
    "6311": ("Paringin", "Paringin Selatan", "Juai", "Awayan", "Batu Mandi", "Lampihong"),
    "6371": (
        "Banjarmasin Tengah",
        "Banjarmasin Utara",
        "Banjarmasin Selatan",
        "Banjarmasin Timur",
        "Banjarmasin Barat",
    ),
    "6372": ("Banjarbaru Utara", "Banjarbaru Selatan", "Landasan Ulin", "Liang Anggang", "Cempaka"),
}

UNGGULAN: dict[str, tuple[str, ...]] = {
    "6301": ("tambang", "sawit"),
    "6302": ("logam", "perikanan"),
    "6303": ("permata", "pangan"),
    "6304": ("pertanian", "sawit"),
    "6305": ("kerajinan",),
    "6306": ("pertanian", "logam"),
    "6307": ("pangan",),
    "6308": ("rotan", "pertanian"),
    "6309": ("sandang", "karet"),
    "6310": ("sawit", "perikanan"),
    "6311": ("kayu", "karet"),
    "6371": ("sandang", "kerajinan"),
    "6372": ("logam",),
}
"""Tags of each kabupaten's leading industry (RPIP/RPIK); firms with a matching tag are three times as likely."""

"""Who may change what: the three roles and the check that every function which writes makes itself.

Anyone with the link reads every page; only named accounts change anything. A role is one of:

* ``penyaji``: decks, presentation mode, snapshots, events and follow-ups;
* ``operator``: imports rows of one kabupaten only (``kab``, a BPS code such as ``"6303"``);
* ``admin``: everything, including accounts, restore and deletion.

The check lives where the change is made (:func:`wajib` in the writing function), not only in the widget that
offers it: a control hidden from a role is a convenience, the refusal in the write is the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

PERAN: tuple[str, ...] = ("admin", "penyaji", "operator")
"""Every role, most powerful first."""

LABEL_PERAN: dict[str, str] = {"admin": "Admin", "penyaji": "Penyaji", "operator": "Operator kabupaten"}


@dataclass(frozen=True)
class Pengguna:
    """A signed-in account: its name, its role and, for an operator, the kabupaten it may import for."""

    nama: str
    peran: str
    kab: str | None = None


class TidakBoleh(PermissionError):  # noqa: N818 - Indonesian domain name, like the rest
    """The account (or an anonymous visitor) may not make this change; the message says who may."""


def boleh(pengguna: Pengguna | None, *peran: str, kab: str | None = None) -> bool:
    """Whether ``pengguna`` holds one of ``peran`` (admin always does); an operator only for its own ``kab``."""
    if pengguna is None:
        return False
    if pengguna.peran == "admin":
        return True
    if pengguna.peran not in peran:
        return False
    return not (pengguna.peran == "operator" and kab is not None and pengguna.kab != kab)


def wajib(pengguna: Pengguna | None, *peran: str, tindakan: str, kab: str | None = None) -> Pengguna:
    """Return ``pengguna`` when :func:`boleh`, else raise :class:`TidakBoleh` naming the action and the roles."""
    if pengguna is not None and boleh(pengguna, *peran, kab=kab):
        return pengguna
    siapa = " atau ".join(LABEL_PERAN[p].lower() for p in ("admin", *peran) if p in LABEL_PERAN)
    if pengguna is None:
        raise TidakBoleh(f"{tindakan}: masuk dulu sebagai {siapa}.")
    raise TidakBoleh(f"{tindakan}: hanya untuk {siapa}; akun {pengguna.nama} tidak boleh.")

"""``python -m dasbor.build``: build the warehouse (:mod:`dasbor.warehouse.build`) and replay the archive of
accepted imports (:mod:`dasbor.warehouse.ulang`)."""

from dasbor.warehouse import build, ulang


def main(argv: list[str] | None = None) -> int:
    """The build's command line, with the replay of the archive."""
    return build.main(argv, pemutar=ulang.Pemutar())


if __name__ == "__main__":
    raise SystemExit(main())

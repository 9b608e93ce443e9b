"""``python -m dasbor.akun``: local accounts (the code is :mod:`dasbor.warehouse.akun`)."""

from dasbor.warehouse.akun import main

if __name__ == "__main__":
    raise SystemExit(main())

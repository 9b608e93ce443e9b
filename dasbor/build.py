"""``python -m dasbor.build``: build the warehouse (the code is :mod:`dasbor.warehouse.build`)."""

from dasbor.warehouse.build import main

if __name__ == "__main__":
    raise SystemExit(main())

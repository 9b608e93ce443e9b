"""``python -m dasbor.sample``: write the sample inputs (the code is :mod:`dasbor.warehouse.sample`)."""

from dasbor.warehouse.sample import main

if __name__ == "__main__":
    raise SystemExit(main())

"""Entry point of ``python -m dasbor.bench`` (see :mod:`dasbor.bench.cli`)."""

from dasbor.bench.cli import main

raise SystemExit(main())

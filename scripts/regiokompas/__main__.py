"""``python -m regiokompas``: see :mod:`regiokompas.cli`."""

from .cli import main

raise SystemExit(main())

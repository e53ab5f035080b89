"""`python -m evidencekit` runs the command line."""

from evidencekit.cli import main

raise SystemExit(main())

"""PyInstaller's entry script for the `evidencekit` command line (see evidencekit.spec)."""

from evidencekit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

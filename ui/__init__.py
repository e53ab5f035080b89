"""The desktop app (PySide6). Shows and asks; all the work happens in `evidencekit`."""

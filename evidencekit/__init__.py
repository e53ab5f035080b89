"""EvidenceKit: capture online abuse as court-ready evidence, kept in an encrypted vault.

The core library. It runs headless and never imports the GUI; the CLI (`evidencekit.cli`) and
the desktop app (`ui`) are thin faces over it.
"""

from evidencekit.errors import EvidenceKitError

__version__ = "0.1.0"

__all__ = ["EvidenceKitError", "__version__"]

"""Sealing: canonical manifests, trusted timestamps and the vault's signing identity."""

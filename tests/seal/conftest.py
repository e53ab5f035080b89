"""Fixtures for the sealing tests live in tests/conftest.py (tsa_pki, tsa, openssl), shared with
the vault and capture tests."""

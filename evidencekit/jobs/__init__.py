"""The jobs both front ends run: they sequence the engines (capture, seal) and the vault.

`capture.py` captures web pages into the vault, `imports.py` imports local files, `seal.py`
asks for trusted timestamps after the commit. The CLI and the GUI call these and nothing
lower for the same work, so the two never behave differently.
"""

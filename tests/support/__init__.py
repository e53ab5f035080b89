"""Shared test infrastructure, imported as `tests.support.<module>`.

`tsa` (a real RFC 3161 TSA on 127.0.0.1 with its own small PKI), `openssl` (running the
openssl command), `site` and `heavy_site` (the loopback fixture web site; static pages in
`site/`, the fixture video made by `make_clip`), `bundles` (vaults and exported bundles for
the bundle tests), `forging` (reading and altering signed PDFs the way a forger would).
"""

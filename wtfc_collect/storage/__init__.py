"""Storage: the repository port (``port``) and its adapters (``memory``, ``tinydb_store``).

Only ``wtfc_collect.bootstrap`` and tests choose an adapter; services use the port.
"""

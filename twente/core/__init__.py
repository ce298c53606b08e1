"""The portal's base layer: what every app may import.

Model bases and publication state, the list-page machinery, open-data writers, preview,
the admin base, the publishing service, roles, database helpers and shared template tags.
Nothing here imports an app (regions, partners, projects) or a site module of `twente`;
`tests/test_layers.py` holds that contract.
"""

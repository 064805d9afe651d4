"""The analysis layer: one module per topic, each computing tables from ``data/``.

Modules here never draw: charts are in :mod:`diaspora_helpers.charts`.
"""

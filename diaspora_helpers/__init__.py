"""Helpers behind the Mali diaspora notebook collection: data, checks, charts and the runner."""

__version__ = "0.1.0"

"""Dossier: a zoomable timeline of events beside per-organization dossiers."""

__version__ = "0.1.0"

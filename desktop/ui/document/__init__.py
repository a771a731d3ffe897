"""Showing documents, shared by the features: a dossier document (``desktop.domain``'s
DossierDoc, also an event's details) as HTML, the fonts it is set in, and a note's Markdown as
sanitised HTML in a browser that fetches nothing.

Here, below the feature folders, so that the dossier, the event details and the notes show them
the same way without importing each other.
"""

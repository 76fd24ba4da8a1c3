"""Enrichment of segmented records: what users of a text corpus filter on first.

Pure like the rest of :mod:`flows.stages`: values in, values out, no files.
"""

"""The plain-Python core: rubric, scoring, scenarios, engine, store, boards, review, speech.

Nothing in this package imports Qt; the desktop app and the CLI are both thin layers over it.
"""

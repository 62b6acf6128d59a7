"""Reusable widgets drawn by the app itself."""

"""Scenario files: the pydantic models (single source of truth and JSON Schema), the loader,
the condition vocabulary, the lint checks and the golden-transcript runner."""

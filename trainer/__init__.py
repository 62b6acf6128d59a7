"""Upsell Trainer: rehearse ethical B2B upselling against scripted buyers, offline."""

__version__ = "0.1.0"

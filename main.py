"""Starts the Upsell Trainer desktop app."""

from trainer.ui.app import main

raise SystemExit(main())

"""Controllers: wire the views to trainer/core, running core work off the GUI thread."""

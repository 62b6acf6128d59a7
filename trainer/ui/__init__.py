"""The PySide6 desktop app: views that build widgets and controllers that wire them to the core."""

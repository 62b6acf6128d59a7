"""Views: widgets only; they expose signals and setters and never touch the core."""

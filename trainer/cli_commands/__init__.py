"""One module per `trainer` subcommand; each exposes ``register(subparsers)``."""

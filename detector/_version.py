"""Package version, kept apart so modules can import it without import cycles."""

__version__ = "0.2.0"

"""Flarewatch: catches customer complaints on their way to becoming public-opinion crises."""

__version__ = "0.1.0"

"""Helpers the lesson imports from its own folder."""
from .data import load_points

__all__ = ["load_points"]

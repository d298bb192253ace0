"""Evenwijdig: the event-sourced case backend for parallel parenting trajectories."""

__version__ = "0.1.0"

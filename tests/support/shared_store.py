"""The shared-agreements application where a helper wants contexts (``.shared``): for tests of that store alone."""

from __future__ import annotations


class Shared:
    def __init__(self, app):
        self.shared = app

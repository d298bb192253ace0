"""Helpers the test suites share: the stores every storage test runs against."""

"""The parent-side domain (given/when/then) and application (both stores) tests."""

"""The auditor's endpoint: its schema (``root``), the types and inputs only it uses, and its SDL file."""

from gateway.schema.auditor.root import schema

__all__ = ["schema"]

"""The admin's endpoint: its schema (``root``), the types and inputs only it uses, and its SDL file."""

from gateway.schema.admin.root import schema

__all__ = ["schema"]

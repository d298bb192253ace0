"""The begeleider's (mediator's) endpoint: its schema (``root``), the types only it uses, and its SDL file."""

from gateway.schema.mediator.root import schema

__all__ = ["schema"]

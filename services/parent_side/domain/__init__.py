"""The parent-side domain: pure Python and eventsourcing.domain, no infrastructure."""

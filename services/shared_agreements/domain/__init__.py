"""The shared-agreements domain: pure Python and eventsourcing.domain, no infrastructure."""

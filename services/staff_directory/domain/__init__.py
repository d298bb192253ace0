"""The staff directory's domain: staff, roles, who works on which case. Stdlib and eventsourcing.domain only."""

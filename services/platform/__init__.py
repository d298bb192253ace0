"""What every context's application shares: configuration discipline, nothing of the domain."""

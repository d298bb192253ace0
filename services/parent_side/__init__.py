"""One parent's side of a case: the domain both parent contexts run, store-agnostic."""

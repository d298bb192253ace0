"""Parent A's context: the parent-side domain, deployed with its own store and credential.

Nothing here may import parent_b_context; import-linter checks it.
"""

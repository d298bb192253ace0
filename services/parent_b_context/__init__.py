"""Parent B's context: the parent-side domain, deployed with its own store and credential.

Nothing here may import parent_a_context; import-linter checks it.
"""

"""The staff directory: who works at the practice, in which roles, on which cases and sides.

It is the gateway's only store of its own: no case content, only who may see what.
"""

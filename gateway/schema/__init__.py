"""One strawberry schema per audience; each exported SDL is checked in beside its module."""

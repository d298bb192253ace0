"""One strawberry schema per audience, each in its own package (``gateway/schema/<audience>/``) with its
SDL file checked in beside it; what several audiences share (scalars, errors, bounds, the court report
types) sits here at the top.
"""

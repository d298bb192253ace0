"""The checkpoints a report relies on: one per context, signed at exactly the position the report names.

Making a report verifies each context's history up to the position of the last event of
the case it used and signs a checkpoint there (``AuditChain.checkpoint(upto=...)``), so
the position and chain hash in the report's sources are exactly those of a signed
checkpoint. Each is exported to the anchor when one is configured, and embedded in the
report's provenance: a court can check the signature, and that the practice published
the same checkpoint, without the practice's system.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from services.platform.anchor import export
from services.platform.errors import Unavailable
from services.platform.stores import Store

if TYPE_CHECKING:
    from evenwijdig.bootstrap import Contexts
    from services.court_report.provenance import Issuer

SLOTS = {Store.PARENT_A: "parent_a", Store.PARENT_B: "parent_b", Store.SHARED: "shared"}


class HistoryDoesNotVerify(Unavailable):
    """A context's history does not verify up to what the report would use: no report is made from it.

    Never the asker's mistake; an operator must run ``evenwijdig audit verify``.
    """


def relied_on_checkpoints(contexts: Contexts, report: dict[str, Any], issuer: Issuer,
                          now: datetime) -> list[dict[str, object]]:
    """Sign (and export) a checkpoint at each source's position; none without the deployment's key."""
    if issuer.checkpoint_key is None:
        return []
    found = []
    for source in report["sources"]:
        if source["position"] is None:
            continue
        app = getattr(contexts, SLOTS[source["context"]])
        verification, checkpoint = app.chain.checkpoint(issuer.checkpoint_key, upto=source["position"])
        if checkpoint is None or checkpoint.head.hex() != source["head"]:
            # The position and the store stay out of the message: it reaches the asker, the audit names them.
            raise HistoryDoesNotVerify("the history cannot be vouched for right now: a store does not verify; no "
                                       "report was made (an operator must run `evenwijdig audit verify`)")
        if issuer.anchor is not None:
            export(issuer.anchor, checkpoint)
        found.append(checkpoint.as_dict())
    return found

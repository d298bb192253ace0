"""The tamper evidence of one context's history: its chain, verification and signed checkpoints.

``ContextApplication`` exposes it as ``app.chain``. Everything here reads and writes the
context's own store only, so one context verifies without anything of the others.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Iterator, Sequence

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from services.platform.chain import ChainStore, Link
from services.platform.checkpoints import Checkpoint, previous_of, sign
from services.platform.verification import Verification, verify_chain


class AuditChain:
    def __init__(self, context: str, store: ChainStore, clock: Callable[[], datetime] | None = None) -> None:
        self.context = context
        self.store = store
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    def head(self) -> Link | None:
        """The last link: the position and hash that cover the whole history so far."""
        return self.store.last()

    def verify(self, public_key: Ed25519PublicKey | None = None,
               progress: Callable[[int], None] | None = None,
               anchored: Sequence[Checkpoint] = ()) -> Verification:
        """Recompute every link from the stored events; check each checkpoint (signatures with ``public_key``).

        ``anchored``: checkpoints exported to an anchor outside the store; each must still hold.
        ``progress`` hears each position verified.
        """
        return verify_chain(self.context, self.store, public_key, progress=progress, anchored=anchored)

    def checkpoint(self, key: Ed25519PrivateKey, upto: int | None = None,
                   progress: Callable[[int], None] | None = None) -> tuple[Verification, Checkpoint | None]:
        """Verify, then sign the verified head (or the history up to position ``upto``).

        Nothing is signed when the history does not verify. Each checkpoint names the one
        stored before it, so the checkpoints form a chain of their own.
        """
        verification = verify_chain(self.context, self.store, key.public_key(), upto=upto, progress=progress)
        if not verification.ok or verification.head_position is None or verification.head is None:
            return verification, None
        if upto is not None and verification.head_position != upto:
            return verification, None  # no event at that position: nothing there to vouch for
        position, head, at = verification.head_position, bytes.fromhex(verification.head), self._clock()
        signed = self.store.add_checkpoint(
            lambda last: sign(key, self.context, position, head, at, previous_of(self.context, last)))
        return verification, signed

    def checkpoints(self, page: int = 500) -> Iterator[Checkpoint]:
        """Every signed checkpoint, in position order."""
        after = (-(2**63), 0)
        while True:
            found = self.store.checkpoints(after, page)
            yield from found
            if len(found) < page:
                return
            after = (found[-1].position, found[-1].number)

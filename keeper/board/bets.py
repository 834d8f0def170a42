"""Big bets: a cluster marked as one, linked to a company initiative."""

from __future__ import annotations

from sqlalchemy.orm import Session

from keeper.board.operation import BoardError, BoardOperation
from keeper.store.models import Cluster, Initiative


class SetBigBet(BoardOperation):
    """Mark a cluster as a big bet (or not) and link it to a company initiative."""

    def __init__(
        self, cluster_id: int, big_bet: bool, initiative_id: int | None = None
    ) -> None:
        super().__init__()
        self.cluster_id, self.big_bet, self.initiative_id = cluster_id, big_bet, initiative_id
        if big_bet:
            self.text = "Mark big bet" if initiative_id is None else "Link big bet"
        else:
            self.text = "Unmark big bet"

    def _perform(self, s: Session) -> None:
        if self.initiative_id is not None and s.get(Initiative, self.initiative_id) is None:
            raise BoardError("That initiative is no longer in the offsite.")
        self._update(
            s, Cluster, self.cluster_id, big_bet=self.big_bet,
            initiative_id=self.initiative_id if self.big_bet else None,
        )

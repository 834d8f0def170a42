"""Follow-through: the success grid by horizon (target, measures over time, met or
behind), the 30/60/90-day check-ins, and each rep's first-30-days plan."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from keeper import kickoff as ko
from ui.kickoff.follow_check_ins import CheckIns
from ui.kickoff.follow_grid import SuccessGrid
from ui.kickoff.follow_metric import MetricEditor
from ui.kickoff.follow_plans import FirstThirtyDays
from ui.kickoff.widgets import Host


class FollowTab(SuccessGrid, MetricEditor, CheckIns, FirstThirtyDays, QWidget):
    """The success grid, the check-ins and the first-30-days plans, as inner tabs."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.data = ko.FollowThrough()
        self.metric_id: int | None = None
        self.rep_id: int | None = None
        self._filling = False
        self.inner = QTabWidget()
        self.inner.setAccessibleName("Follow-through parts")
        self.inner.addTab(self._build_grid(), "Success &grid")
        self.inner.addTab(self._build_check_ins(), "30/60/90 &check-ins")
        self.inner.addTab(self._build_plans(), "First &30 days")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.inner)

    def reload(self) -> None:
        offsite_id = self.host.offsite_id
        self.data = ko.load_follow_through(self.host.store, offsite_id) if offsite_id \
            else ko.FollowThrough()
        self._filling = True
        try:
            self._fill_grid()
            self._fill_check_ins()
            self._fill_plans()
        finally:
            self._filling = False

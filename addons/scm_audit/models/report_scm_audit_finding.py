from odoo import api, fields, models

TIMELINESS = [
    ("open", "Not Yet Due"),
    ("on_time", "Rectified On Time"),
    ("late", "Rectified Late"),
]


class ScmAuditFinding(models.Model):
    """Reporting of findings: whether the rectification was done on time
    (issue 14, "rectification on time vs late").

    A finding is rectified on time when a passed re-check closed it on or
    before the date its plan set (AUD-GEN-03/04; as the re-check cannot be
    taken before that date, on time means on that very day, in the branch's
    calendar). It is late when the re-check passed after that date, when a
    re-check failed (the rectification was not done by the date), or while
    it is still open after the date. The result is stored so that the pivot
    groups by it; the last case depends on the clock, so a daily job
    (`_cron_scm_rectification_timeliness`) moves the open findings whose date
    passed, and the search filter "Rectification Late" also asks the live
    `rectification_late` of the core."""

    _inherit = "scm.audit.finding"

    rectification_timeliness = fields.Selection(
        TIMELINESS,
        string="Rectification",
        compute="_compute_rectification_timeliness",
        store=True,
        index=True,
        help="On time: closed by a passed re-check on or before the plan's date. "
        "Late: closed after it, a failed re-check, or still open after it.",
    )
    rectification_closed_on = fields.Date(
        string="Rectified On",
        compute="_compute_rectification_timeliness",
        store=True,
        help="The day (in the branch's calendar) of the passed re-check.",
    )

    @api.depends("state", "rectification_due", "recheck_date", "recheck_failed_count")
    def _compute_rectification_timeliness(self):
        today = fields.Date.context_today(self)
        workday = self.env["scm.workday"]
        for finding in self:
            closed_on = False
            if finding.state == "draft":
                result = False
            elif finding.state == "closed":
                closed_on = (
                    workday._local_date(finding.recheck_date, finding.company_id)
                    if finding.recheck_date
                    else today
                )
                due = finding.rectification_due
                late = finding.recheck_failed_count or (due and closed_on > due)
                result = "late" if late else "on_time"
            elif finding.recheck_failed_count or (
                finding.rectification_due and finding.rectification_due < today
            ):
                result = "late"
            else:
                result = "open"
            finding.rectification_timeliness = result
            finding.rectification_closed_on = closed_on

    @api.model
    def _scm_timeliness_stale_domain(self):
        """Open findings still marked "not yet due" whose date has passed."""
        return [
            ("rectification_timeliness", "=", "open"),
            ("state", "in", ("confirmed", "planned")),
            ("rectification_due", "<", fields.Date.context_today(self)),
        ]

    @api.model
    def _cron_scm_rectification_timeliness(self):
        """Daily: the open findings whose rectification date passed become
        late. Returns how many moved."""
        stale = self.sudo().search(self._scm_timeliness_stale_domain())
        if stale:
            self.env.add_to_compute(self._fields["rectification_timeliness"], stale)
            stale.flush_recordset(["rectification_timeliness"])
        return len(stale)

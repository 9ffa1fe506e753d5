from odoo import fields, models


class HelpdeskSla(models.Model):
    """An SLA counted on the calendar its rule states: round the clock for
    "within 2 hours" (SVC-RESP-03), the working-day calendar with 调休 for
    working days (scm.workday, ORG-RULE-01), or the team's calendar as
    helpdesk_mgmt_sla does. The suite's SLAs run from a moment of the
    request to another, not from stage to stage."""

    _inherit = "helpdesk.sla"

    scm_calendar = fields.Selection(
        [
            ("team", "Team's working hours"),
            ("round_the_clock", "Round the clock (hours)"),
            ("working_days", "Working days with 调休 (scm.workday)"),
        ],
        string="Counted On",
        default="team",
        required=True,
    )
    scm_start_field = fields.Selection(
        [
            ("scm_received_date", "Request received"),
            ("scm_escalation_date", "Escalated to HQ"),
        ],
        string="Counted From",
        help="Empty: from the request's creation (helpdesk_mgmt_sla).",
    )
    scm_done_field = fields.Selection(
        [
            ("scm_arrival_date", "Arrival on site"),
            ("scm_first_response_date", "First response"),
            ("scm_hq_reply_date", "HQ reply"),
        ],
        string="Met When",
        help="Empty: when the request reaches the SLA's stage (helpdesk_mgmt_sla).",
    )

    def _scm_counted(self):
        """Whether the SLA is counted by the suite (moment to moment)."""
        self.ensure_one()
        return bool(self.scm_done_field)

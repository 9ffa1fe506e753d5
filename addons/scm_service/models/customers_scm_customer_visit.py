from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

VISIT_PURPOSES = [
    ("sales", "Sales Visit"),
    ("service", "Monthly Service Visit"),
    ("research", "Research Visit"),
    ("other", "Other Purpose"),
]
# Visits that are 《客户走访记录》 of customer service (SVC-VISIT-01/02).
SERVICE_PURPOSES = ("service", "research", "other")
VISIT_RULE = "SVC-VISIT-01"


class ScmCustomerVisit(models.Model):
    """scm_sales' visit form also records the consultant's service visits
    (《客户走访记录》, SVC-VISIT-01) and the visits made for research or any
    other purpose (SVC-VISIT-02): each closed one, with its progress, is an
    entry of the customer service archive."""

    _inherit = "scm.customer.visit"

    scm_visit_purpose = fields.Selection(
        VISIT_PURPOSES,
        string="Purpose",
        required=True,
        default="sales",
        index=True,
        tracking=True,
    )
    scm_visit_progress = fields.Text(
        string="Progress and Follow-up",
        help="What the visit achieved and what follows, for the customer "
        "service archive (SVC-VISIT-02).",
    )
    scm_is_service_visit = fields.Boolean(compute="_compute_scm_is_service_visit")

    @api.depends("scm_visit_purpose")
    def _compute_scm_is_service_visit(self):
        for visit in self:
            visit.scm_is_service_visit = visit.scm_visit_purpose in SERVICE_PURPOSES

    def _scm_check_editable(self, vals):
        if "scm_visit_purpose" in vals:
            for visit in self:
                if (
                    visit.visit_stage != "draft"
                    and visit.scm_visit_purpose != vals["scm_visit_purpose"]
                ):
                    raise UserError(
                        _(
                            "%(visit)s is under way: its purpose can no longer "
                            "be changed.",
                            visit=visit.display_name,
                        )
                    )
        if "scm_visit_progress" in vals and any(
            visit.visit_stage in ("done", "cancelled") for visit in self
        ):
            raise UserError(
                _("The progress of a closed visit can no longer be changed.")
            )
        vals = {
            key: value
            for key, value in vals.items()
            if key not in ("scm_visit_purpose", "scm_visit_progress")
        }
        return super()._scm_check_editable(vals)

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["scm_visit_progress"]

    def action_done(self):
        """A service, research or other-purpose visit is closed with its
        progress written up (SVC-VISIT-02); the customer's missed-visit flag
        of SVC-VISIT-01 is then met."""
        for visit in self.filtered("scm_is_service_visit"):
            if not (visit.scm_visit_progress or "").strip():
                raise ValidationError(
                    _(
                        "%(visit)s cannot be closed without its progress and "
                        "follow-up for the customer service archive.",
                        visit=visit.display_name,
                    )
                )
        res = super().action_done()
        for visit in self.filtered("scm_is_service_visit"):
            visit.partner_id.commercial_partner_id.sudo()._scm_deadline_close(
                VISIT_RULE,
                feedback=_("Visited: %(visit)s", visit=visit.name),
            )
        return res

    # -- SVC-VISIT-01: the monthly check ---------------------------------------------
    @api.model
    def _cron_scm_service_visit_check(self, on_date=None):
        """On the 1st of a month: flag each consultant whose service
        customer had no visit record in the month before."""
        today = fields.Date.to_date(on_date) or fields.Date.context_today(self)
        month = fields.Date.start_of(fields.Date.subtract(today, months=1), "month")
        Coverage = self.env["scm.service.visit.coverage"].sudo()
        Coverage.flush_model()
        self.env.flush_all()
        gaps = Coverage.search([("month", "=", month), ("visit_count", "=", 0)])
        label = month.strftime("%Y-%m")
        for gap in gaps:
            partner = gap.partner_id
            name = _(
                "No service visit to %(customer)s in %(month)s",
                customer=partner.name,
                month=label,
            )
            if partner._scm_deadlines(VISIT_RULE).filtered(
                lambda d, n=name: d.name == n
            ):
                continue
            owner = gap.user_id or partner._scm_service_consultant()
            if owner:
                partner._scm_deadline_open(
                    VISIT_RULE, name, owner, 0, unit="calendar_days"
                )
        return gaps

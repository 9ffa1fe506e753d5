from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .project_project import OPEN_PHASES

# The units Finance forwards the PM's late-collection report to (PRJ-TRK-09).
REPORT_FORWARD_UNITS = (
    "scm_base.dept_mcd",
    "scm_base.dept_msd",
    "scm_base.dept_supervision_center",
)
# Rule code of the PM's report deadline (AUD-CTR-03 reads it).
REPORT_DEADLINE = "PRJ-TRK-09"
# Fields anyone may touch through the chatter and activities.
CHATTER_FIELDS = {
    "message_follower_ids",
    "message_main_attachment_id",
    "activity_ids",
}


class ScmProjectPaymentReminder(models.Model):
    """《催款通知单》, the Payment Reminder Notice (FORMS.md 63; PRJ-SC-09,
    PRJ-TRK-09).

    Finance issues it to the PM for an overdue receivable of the project's
    contract. The PM owes a written report on the late collection within
    1 day (a calendar day, as the manual says "1 day"); Finance forwards the
    report to MCD, MSD and Supervision, one copy each. A report not given in
    time stays an overdue deadline on the PM (AUD-CTR-03)."""

    _name = "scm.project.payment.reminder"
    _description = "Payment Reminder Notice"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.project.document.mixin",
        "scm.distribution.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = (
        "name",
        "state",
        "issued_by_id",
        "issued_date",
        "pm_id",
        "reported_by_id",
        "reported_date",
        "forwarded_by_id",
        "forwarded_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("issued", "Issued to the PM"),
            ("reported", "Reported by the PM"),
            ("forwarded", "Forwarded"),
        ],
        string="Status",
        default="issued",
        readonly=True,
        required=True,
        tracking=True,
        copy=False,
    )
    milestone_id = fields.Many2one(
        "scm.contract.milestone",
        string="Overdue Payment",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('contract_id', '=', contract_id), ('overdue', '=', True)]",
    )
    currency_id = fields.Many2one(related="milestone_id.currency_id")
    amount_due = fields.Monetary(
        related="milestone_id.amount", string="Amount Due", currency_field="currency_id"
    )
    amount_outstanding = fields.Monetary(
        related="milestone_id.amount_outstanding",
        string="Outstanding",
        currency_field="currency_id",
    )
    due_date = fields.Date(related="milestone_id.due_date", string="Due On")
    note = fields.Text(string="Finance's Notice")
    issued_by_id = fields.Many2one("res.users", readonly=True)
    issued_date = fields.Datetime(string="Issued On", readonly=True)
    pm_id = fields.Many2one("res.users", string="To the PM", readonly=True)
    pm_report = fields.Text(
        string="PM's Report",
        help="The PM's written report on the late collection, due within 1 day.",
    )
    reported_by_id = fields.Many2one("res.users", readonly=True)
    reported_date = fields.Datetime(string="Reported On", readonly=True)
    forwarded_by_id = fields.Many2one("res.users", readonly=True)
    forwarded_date = fields.Datetime(string="Forwarded On", readonly=True)
    report_overdue = fields.Boolean(
        string="Report Overdue",
        related="scm_deadline_overdue",
        help="The PM let the 1-day deadline of the report pass (AUD-CTR-03).",
    )

    # -- issue ------------------------------------------------------------------------
    def _scm_check_finance(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_finance")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _("Only Finance may %(action)s a payment reminder.", action=action)
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._scm_check_finance(_("issue"))
            if any(vals.get("pm_report") for vals in vals_list):
                raise UserError(
                    _("Only the PM writes the report on the late collection.")
                )
        for vals in vals_list:
            self._scm_check_reminder_target(vals)
        records = super().create(vals_list)
        for record in records:
            record._scm_issue()
        return records

    @api.model
    def _scm_check_reminder_target(self, vals):
        """Only for an overdue receivable of an accepted or running project
        (checked before anything is written)."""
        project = (
            self.env["project.project"]
            .sudo()
            .browse(vals.get("project_id") or [])
            .exists()
        )
        milestone = (
            self.env["scm.contract.milestone"]
            .sudo()
            .browse(vals.get("milestone_id") or [])
            .exists()
        )
        if not project or not milestone:
            return
        project._scm_check_not_closed()
        project._scm_check_phase(OPEN_PHASES, _("sent a payment reminder"))
        if milestone.contract_id != project.scm_contract_id:
            raise UserError(
                _(
                    "%(payment)s is not a payment of the contract of %(doc)s.",
                    payment=milestone.display_name,
                    doc=project.display_name,
                )
            )
        if not milestone.overdue:
            raise UserError(
                _(
                    "%(payment)s is not overdue: a payment reminder is issued only "
                    "for an overdue receivable (PRJ-TRK-09).",
                    payment=milestone.display_name,
                )
            )
        if not project.user_id:
            raise UserError(
                _("%(doc)s has no project manager to remind.", doc=project.display_name)
            )

    def _scm_issue(self):
        """The PM owes a written report within 1 day."""
        self.ensure_one()
        project = self.project_id.sudo()
        milestone = self.milestone_id.sudo()
        pm = project.user_id
        self._scm_step_write(
            {
                "name": self.env["ir.sequence"]
                .sudo()
                .next_by_code("scm.project.payment.reminder")
                or "/",
                "issued_by_id": self.env.user.id,
                "issued_date": fields.Datetime.now(),
                "pm_id": pm.id,
            }
        )
        self.sudo().message_subscribe(partner_ids=pm.partner_id.ids)
        self._scm_deadline_open(
            REPORT_DEADLINE,
            _(
                "Report on the late collection of %(payment)s",
                payment=milestone.display_name,
            ),
            pm,
            1,
            unit="calendar_days",
        )
        self.sudo().message_post(
            body=_(
                "Payment reminder issued by Finance (%(who)s): %(payment)s, "
                "%(amount)s outstanding since %(date)s. The PM owes a written "
                "report within 1 day (PRJ-TRK-09).",
                who=self.env.user.name,
                payment=milestone.display_name,
                amount=milestone.amount_outstanding,
                date=milestone.due_date,
            ),
            partner_ids=pm.partner_id.ids,
        )

    # -- guard ------------------------------------------------------------------------
    def write(self, vals):
        if not self.env.su:
            editable = set(vals) - CHATTER_FIELDS
            if editable - {"pm_report", "note"}:
                raise UserError(
                    _(
                        "A payment reminder is issued as it is: only Finance's "
                        "notice and the PM's report are written on it."
                    )
                )
            for record in self:
                if "pm_report" in vals:
                    record._scm_check_pm(_("write the report on"))
                    if record.state != "issued":
                        raise UserError(
                            _(
                                "The report on %(doc)s was already submitted.",
                                doc=record.display_name,
                            )
                        )
                if "note" in vals:
                    record._scm_check_finance(_("write Finance's notice on"))
                    if record.state != "issued":
                        raise UserError(
                            _(
                                "%(doc)s was answered: its notice no longer changes.",
                                doc=record.display_name,
                            )
                        )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("A payment reminder is kept on record."))
        return super().unlink()

    # -- steps ------------------------------------------------------------------------
    def action_submit_report(self):
        """The PM's written report closes the 1-day deadline."""
        for record in self:
            record._scm_check_pm(_("submit the report on"))
            record._scm_check_project_open()
            if record.state != "issued":
                raise UserError(
                    _(
                        "The report on %(doc)s was already submitted.",
                        doc=record.display_name,
                    )
                )
            if not (record.pm_report or "").strip():
                raise UserError(
                    _("Write the report on the late collection before submitting it.")
                )
            record._scm_step_write(
                {
                    "state": "reported",
                    "reported_by_id": self.env.user.id,
                    "reported_date": fields.Datetime.now(),
                }
            )
            record._scm_deadline_close(REPORT_DEADLINE)
            issuer = record.issued_by_id
            record.sudo().message_post(
                body=_("The PM submitted the report on the late collection."),
                partner_ids=issuer.partner_id.ids,
            )
        return True

    def action_forward_report(self):
        """Finance forwards the PM's report to MCD, MSD and Supervision."""
        for record in self:
            record._scm_check_finance(_("forward"))
            record._scm_check_project_open()
            if record.state != "reported":
                raise UserError(
                    _(
                        "%(doc)s can be forwarded once the PM has reported.",
                        doc=record.display_name,
                    )
                )
            record._scm_distribute()
            record._scm_step_write(
                {
                    "state": "forwarded",
                    "forwarded_by_id": self.env.user.id,
                    "forwarded_date": fields.Datetime.now(),
                }
            )
        return True

    def _scm_distribution_list(self):
        return [
            {"recipient_department_id": self.env.ref(xmlid).id, "copy_type": "copy"}
            for xmlid in REPORT_FORWARD_UNITS
        ]

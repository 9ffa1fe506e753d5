from odoo import _, api, fields, models
from odoo.exceptions import UserError

STAGES = [
    ("open", "Being Filled"),
    ("completed", "Completed"),
    ("handed_over", "Handed Over to Finance"),
    ("paid", "Fee Recorded"),
]
PAYMENT_STATES = [
    ("unpaid", "Not Paid"),
    ("partly", "Partly Paid"),
    ("paid", "Paid"),
]
# PRJ-DEV-12: each party fills its own section with actual data.
SECTION_FIELDS = {
    "software": {"sw_actual_completion_date", "sw_cost", "sw_notes"},
    "qc": {"qc_date", "qc_result", "qc_closed_tickets", "qc_notes"},
    "requirements": {"req_total_cost", "req_payment_status", "req_notes"},
}
FINANCE_FIELDS = {"fee_amount"}


class ScmDevAgreementExecution(models.Model):
    """《软件产品开发协议执行情况表》 (PRJ-DEV-12): the standard sheet MRD
    opens when the agreement is signed. Software, QC and requirements each
    fill their own section with actual data; when the development is
    accepted MRD completes it and hands it over to Finance, who records the
    internal development fee on it, and only then."""

    _name = "scm.dev.agreement.execution"
    _description = "Development Agreement Execution Status Sheet"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "id desc"
    _devagr_fixed_links = ("work_id", "agreement_id")
    _scm_step_fields = (
        "completed_date",
        "handed_over_date",
        "handed_over_by_id",
        "fee_recorded_date",
        "fee_recorded_by_id",
    )

    agreement_id = fields.Many2one(
        "scm.dev.agreement",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    agreed_due_date = fields.Date(
        related="agreement_id.effective_due_date", string="Due Date (with Memoranda)"
    )
    agreed_cost = fields.Monetary(
        related="agreement_id.effective_cost", string="Cost (with Memoranda)"
    )
    stage = fields.Selection(
        STAGES, default="open", required=True, readonly=True, copy=False, index=True
    )
    # software
    sw_actual_completion_date = fields.Date(string="Actual Completion Date")
    sw_cost = fields.Monetary(string="Development Cost")
    sw_notes = fields.Text(string="Software Notes")
    # QC
    qc_date = fields.Date(string="QC Date")
    qc_result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")], string="QC Result"
    )
    qc_closed_tickets = fields.Text(
        string="Closed Tickets (平单记录)",
        help="The record of the defect and error tickets closed.",
    )
    qc_notes = fields.Text(string="QC Notes")
    # requirements
    req_total_cost = fields.Monetary(string="Total Cost")
    req_payment_status = fields.Selection(
        PAYMENT_STATES, string="Payment Status", default="unpaid"
    )
    req_notes = fields.Text(string="Requirement Notes")
    # hand-over and fee
    completed_date = fields.Datetime(string="Completed On", readonly=True, copy=False)
    handed_over_date = fields.Datetime(
        string="Handed Over On", readonly=True, copy=False
    )
    handed_over_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    fee_amount = fields.Monetary(string="Internal Development Fee")
    fee_recorded_date = fields.Datetime(
        string="Fee Recorded On", readonly=True, copy=False
    )
    fee_recorded_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "agreement_unique",
            "UNIQUE(agreement_id)",
            "An agreement has one execution status sheet.",
        )
    ]

    @api.depends("agreement_id")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = _(
                "Execution Status Sheet of %(agreement)s",
                agreement=sheet.agreement_id.sudo().work_id.display_name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                _("The execution status sheet opens when its agreement is signed.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su:
            for side, names in SECTION_FIELDS.items():
                if vals.keys() & names:
                    for sheet in self:
                        sheet._scm_check_stage(("open",), _("filled in"))
                        sheet._devagr_check_side(side, _("fill in their section of"))
            if vals.keys() & FINANCE_FIELDS:
                for sheet in self:
                    sheet._devagr_check_finance()
                    sheet._scm_check_stage(("handed_over",), _("given its fee"))
        return super().write(vals)

    def _devagr_check_finance(self):
        if not self.env.user.has_group("scm_base.group_finance"):
            raise UserError(
                _(
                    "Only Finance records the internal development fee on %(doc)s.",
                    doc=self.display_name,
                )
            )

    def _devagr_mrd_users(self):
        work = self.work_id.sudo()
        return work.requirement_lead_id | work._scm_mrd_manager()

    def action_complete(self):
        """MRD closes the sheet once the development is accepted and every
        section holds its actual data."""
        for sheet in self:
            sheet._scm_check_stage(("open",), _("completed"))
            sheet._devagr_check_user(sheet._devagr_mrd_users(), _("complete"))
            sheet.work_id.sudo()._scm_check_stage(
                ("accepted", "breach"), _("closed on its execution status sheet")
            )
            required = (
                "sw_actual_completion_date",
                "qc_date",
                "qc_result",
                "req_total_cost",
            )
            missing = [
                sheet._fields[name]._description_string(self.env)
                for name in required
                if not sheet[name]
            ]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s is not complete: %(fields)s.",
                        doc=sheet.display_name,
                        fields=", ".join(missing),
                    )
                )
            sheet._scm_step_write(
                {"stage": "completed", "completed_date": fields.Datetime.now()}
            )
        return True

    def action_hand_over(self):
        """MRD hands the completed sheet to Finance as the payment basis."""
        for sheet in self:
            sheet._scm_check_stage(("completed",), _("handed over"))
            sheet._devagr_check_user(sheet._devagr_mrd_users(), _("hand over"))
            sheet._scm_step_write(
                {
                    "stage": "handed_over",
                    "handed_over_date": fields.Datetime.now(),
                    "handed_over_by_id": self.env.user.id,
                }
            )
            sheet._devagr_copies(
                [
                    {
                        "recipient_department_id": self.env.ref(
                            "scm_base.dept_finance"
                        ).id,
                        "copy_type": "original",
                    }
                ]
            )
        return True

    def action_record_fee(self):
        """Finance records the internal development fee paid on the sheet."""
        for sheet in self:
            sheet._devagr_check_finance()
            sheet._scm_check_stage(("handed_over",), _("given its fee"))
            if sheet.fee_amount <= 0:
                raise UserError(
                    _(
                        "Enter the internal development fee of %(doc)s.",
                        doc=sheet.display_name,
                    )
                )
            sheet._scm_step_write(
                {
                    "stage": "paid",
                    "fee_recorded_date": fields.Datetime.now(),
                    "fee_recorded_by_id": self.env.user.id,
                }
            )
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_dev_agreement_execution"
        ).report_action(self)

from odoo import _, api, fields, models
from odoo.exceptions import UserError

STAGES = [
    ("draft", "Draft"),
    ("signing", "Being Signed"),
    ("signed", "Signed"),
    ("cancelled", "Cancelled"),
]
CONTENT_FIELDS = {"name", "reason", "new_completion_date", "new_cost"}


class ScmDevAgreementMemo(models.Model):
    """《备忘录》 of a development agreement (PRJ-DEV-13): when the
    agreement must be adjusted during execution, the Requirement Project
    Lead drafts a memo explaining the adjustment; the software and
    requirement project leads sign it; it becomes an attachment of the
    agreement, whose effective due date and cost follow it."""

    _name = "scm.dev.agreement.memo"
    _description = "Development Agreement Memorandum"
    _inherit = ["scm.devagr.document.mixin"]
    _order = "id desc"
    _scm_step_fields = ("signed_date",)
    _devagr_fixed_links = ("work_id", "agreement_id")

    agreement_id = fields.Many2one(
        "scm.dev.agreement",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    name = fields.Char(string="Subject", required=True, tracking=True)
    reason = fields.Text(
        string="Adjustment and Reason",
        required=True,
        help="What is adjusted in the agreement and why.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    previous_due_date = fields.Date(
        related="agreement_id.effective_due_date", string="Current Due Date"
    )
    previous_cost = fields.Monetary(
        related="agreement_id.effective_cost", string="Current Cost"
    )
    new_completion_date = fields.Date(tracking=True)
    new_cost = fields.Monetary(tracking=True)
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    signed_date = fields.Datetime(string="Signed On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            agreement = self.env["scm.dev.agreement"].browse(vals.get("agreement_id"))
            if not vals.get("work_id") and agreement:
                vals["work_id"] = agreement.sudo().work_id.id
        if not self.env.su:
            for vals in vals_list:
                agreement = self.env["scm.dev.agreement"].browse(vals["agreement_id"])
                agreement.check_access("read")
                agreement = agreement.sudo()
                if vals["work_id"] != agreement.work_id.id:
                    raise UserError(
                        _("A memorandum belongs to its agreement's development.")
                    )
                self._devagr_check_requirement_lead(
                    _("draft a memorandum on"), agreement.work_id
                )
                agreement._scm_check_stage(("signed",), _("adjusted by a memorandum"))
                agreement.work_id._scm_check_stage(
                    ("agreement", "developing", "qc"), _("adjusted by a memorandum")
                )
        return super().create(vals_list)

    @api.constrains("new_completion_date", "new_cost")
    def _check_changes_something(self):
        for memo in self:
            if not memo.new_completion_date and not memo.new_cost:
                raise UserError(
                    _("A memorandum changes the completion date, the cost, or both.")
                )
            if memo.new_cost < 0:
                raise UserError(_("The new cost cannot be negative."))

    def write(self, vals):
        if not self.env.su:
            # who may not write it at all hears so first
            self.check_access("write")
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            for memo in self:
                memo._scm_check_stage(("draft",), _("changed"))
                memo._devagr_check_requirement_lead(_("change"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    def _scm_signature_slots(self):
        self.ensure_one()
        work = self.work_id.sudo()
        return [
            {
                "slot": "requirement_lead",
                "name": _("Requirement Project Lead"),
                "required_user_id": (
                    work.requirement_lead_id or work._scm_mrd_manager()
                ).id,
            },
            {
                "slot": "software_lead",
                "name": _("Software Project Lead"),
                "required_user_id": (
                    work.software_lead_id or work._scm_software_manager()
                ).id,
            },
        ]

    def action_submit(self):
        for memo in self:
            memo._scm_check_stage(("draft",), _("sent for signature"))
            memo._devagr_check_requirement_lead(_("send for signature"))
            memo._scm_step_write({"stage": "signing"})
            memo._scm_signature_prepare()
        return True

    def action_scm_sign(self, slot):
        self.ensure_one()
        self._scm_check_stage(("signing",), _("signed"))
        result = super().action_scm_sign(slot)
        if not self._scm_missing_signatures():
            self._scm_step_write(
                {"stage": "signed", "signed_date": fields.Datetime.now()}
            )
            agreement = self.agreement_id.sudo()
            agreement.message_post(
                body=_(
                    "Memorandum %(memo)s signed: due date %(due)s, cost %(cost)s.",
                    memo=self.display_name,
                    due=agreement.effective_due_date,
                    cost=agreement.effective_cost,
                )
            )
        return result

    def action_sign_requirement_lead(self):
        return self.action_scm_sign("requirement_lead")

    def action_sign_software_lead(self):
        return self.action_scm_sign("software_lead")

    def action_cancel(self):
        for memo in self:
            memo._scm_check_stage(("draft", "signing"), _("cancelled"))
            memo._devagr_check_requirement_lead(_("cancel"))
            memo._scm_step_write({"stage": "cancelled"})
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_dev_agreement_memo"
        ).report_action(self)

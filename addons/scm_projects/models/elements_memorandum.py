from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

STAGES = [
    ("draft", "Draft"),
    ("signing", "Being Signed"),
    ("signed", "Signed and Applied"),
    ("cancelled", "Cancelled"),
]
CONTENT_FIELDS = {
    "name",
    "reason",
    "new_completion_date",
    "customer_lead_id",
    "thank_you_letter",
}


class ScmProjectMemorandum(models.Model):
    """《备忘录》 of a schedule slip (PRJ-ELEM-07): when a task cannot be done
    on time and the PM judges that the completion of the whole contract is
    affected, the PM and the customer project lead agree a new completion
    date; both sign, and only then does the project's contract completion
    date move. The PM may add a 《致谢函》 (letter of thanks) sent with it."""

    _name = "scm.project.memorandum"
    _description = "Memorandum"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.project.customer.sign.mixin",
        "scm.signature.mixin",
        "scm.stage.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = ("previous_completion_date", "applied_date")

    name = fields.Char(string="Subject", required=True, tracking=True)
    reason = fields.Text(
        string="Slip and Agreement",
        required=True,
        help="Which task cannot be done on schedule, why, and what the two "
        "sides agreed.",
    )
    customer_lead_id = fields.Many2one(
        "res.partner",
        string="Customer Project Lead",
        required=True,
        help="The customer-side member of the team who negotiated it.",
    )
    current_completion_date = fields.Date(
        related="project_id.scm_completion_date", string="Current Completion Date"
    )
    new_completion_date = fields.Date(required=True, tracking=True)
    thank_you_letter = fields.Html(
        string="Letter of Thanks",
        sanitize_style=True,
        help="Optional 《致谢函》 submitted to the customer with the memorandum.",
    )
    stage = fields.Selection(
        STAGES, default="draft", required=True, readonly=True, copy=False, index=True
    )
    previous_completion_date = fields.Date(
        string="Completion Date Before", readonly=True, copy=False
    )
    applied_date = fields.Date(string="Applied On", readonly=True, copy=False)

    @api.constrains("customer_lead_id", "project_id")
    def _check_customer_lead(self):
        for memo in self:
            members = memo.project_id.sudo().scm_member_ids.filtered(
                lambda m: m.side == "customer" and m.active
            )
            if memo.customer_lead_id not in members.customer_contact_id:
                raise ValidationError(
                    _(
                        "%(contact)s is not on the customer side of the team of "
                        "%(project)s.",
                        contact=memo.customer_lead_id.display_name,
                        project=memo.project_id.sudo().display_name,
                    )
                )

    @api.constrains("new_completion_date", "project_id")
    def _check_new_date(self):
        for memo in self.filtered(lambda m: m.stage in ("draft", "signing")):
            if memo.new_completion_date == memo.project_id.sudo().scm_completion_date:
                raise ValidationError(
                    _("The memorandum must change the completion date.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            for project in projects.sudo():
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(project)s negotiates a "
                            "memorandum with the customer (PRJ-ELEM-07).",
                            project=project.display_name,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_pm(_("change"))
            if vals.keys() & CONTENT_FIELDS:
                self._scm_check_stage(("draft",), _("changed"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._scm_check_stage(("draft",), _("deleted"))

    # -- signatures ---------------------------------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "pm",
                "name": _("AA Project Manager"),
                "required_user_id": self.project_id.sudo().user_id.id,
            }
        ]

    def action_send_for_signature(self):
        """The PM freezes the agreed text; both sides sign it next."""
        for memo in self:
            memo._scm_check_stage(("draft",), _("sent for signature"))
            memo._scm_check_pm(_("send for signature"))
            memo._scm_step_write({"stage": "signing"})
            memo._scm_signature_prepare()
        return True

    def action_scm_sign(self, slot):
        self.ensure_one()
        self._scm_check_stage(("signing",), _("signed"))
        result = super().action_scm_sign(slot)
        self._scm_apply_if_signed()
        return result

    def action_sign_pm(self):
        return self.action_scm_sign("pm")

    def _scm_check_customer_may_sign(self):
        self._scm_check_stage(("signing",), _("signed by the customer"))

    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._scm_check_pm(_("record the customer's signature on"))

    def _scm_on_customer_signed(self):
        self._scm_apply_if_signed()

    def _scm_apply_if_signed(self):
        """Signed by both sides: the contract completion date moves."""
        self.ensure_one()
        if (
            self.stage != "signing"
            or not self.customer_signed_date
            or self._scm_missing_signatures()
        ):
            return False
        project = self.project_id.sudo()
        previous = project.scm_completion_date
        project._scm_step_write({"scm_completion_date": self.new_completion_date})
        self._scm_step_write(
            {
                "stage": "signed",
                "previous_completion_date": previous,
                "applied_date": fields.Date.context_today(self),
            }
        )
        project.message_post(
            body=_(
                "Contract completion date moved from %(old)s to %(new)s by the "
                "memorandum %(memo)s signed by both sides.",
                old=previous or "-",
                new=self.new_completion_date,
                memo=self.display_name,
            )
        )
        return True

    def action_cancel(self):
        for memo in self:
            memo._scm_check_stage(("draft", "signing"), _("cancelled"))
            memo._scm_check_pm(_("cancel"))
            memo._scm_step_write({"stage": "cancelled"})
        return True

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_project_memorandum"
        ).report_action(self)

    def action_print_letter(self):
        self.ensure_one()
        if not html2plaintext(self.thank_you_letter or "").strip():
            raise UserError(
                _("%(doc)s has no letter of thanks.", doc=self.display_name)
            )
        return self.env.ref(
            "scm_projects.action_report_scm_project_thank_you_letter"
        ).report_action(self)

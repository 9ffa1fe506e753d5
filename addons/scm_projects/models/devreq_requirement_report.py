from odoo import _, api, fields, models
from odoo.exceptions import UserError

# SUP-REQ-01: what the customer's signature fixes; it changes only through a
# customer-signed change confirmation form.
SIGNED_CONTENT = {
    "name",
    "content",
    "importance",
    "urgency",
    "template_id",
    "customer_requirement_id",
}
REPORT_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("signed", "Signed by the Customer"),
    ("received", "Received by MRD"),
    ("triaged", "Scheduled"),
]


class ScmDevRequirementReport(models.Model):
    """The 《客户需求报告单》 of a secondary (R) contract project (PRJ-SEC-02):
    written by the branch on MRD's template (its version is kept), confirmed,
    signed by the customer and sent back to MRD, who receives it; only then
    is the analysis written (PRJ-SEC-03). The submitter states importance
    and urgency, MRD derives the priority and gives the schedule date
    (SUP-REQ-02). Once signed it changes only through a customer-signed
    change confirmation form (SUP-REQ-01). It is read only by the project
    team, MRD, Software and QC, and by whoever the PM grants a logged
    permission (SUP-REQ-03)."""

    _name = "scm.dev.requirement.report"
    _description = "Customer Requirement Report"
    _inherit = [
        "mail.thread",
        "scm.project.runin.priority.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.stage.mixin",
    ]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = (
        "template_version",
        "author_id",
        "confirmed_date",
        "received_date",
        "received_by_id",
        "triaged_by_id",
        "dev_work_id",
        "permitted_user_ids",
    )

    name = fields.Char(string="Subject", required=True, tracking=True)
    template_id = fields.Many2one(
        "scm.dev.requirement.template",
        required=True,
        ondelete="restrict",
    )
    template_version = fields.Char(
        readonly=True,
        help="The version of MRD's template the report was written on (PRJ-SEC-02).",
    )
    customer_requirement_id = fields.Many2one(
        "scm.customer.requirement",
        string="Reviewed Requirement Report",
        help="The report the HQ panel approved unanimously before the R "
        "contract (CON-SEC-04), when this report carries it to the customer's "
        "signature.",
    )
    content = fields.Text(string="Requirements", required=True)
    state = fields.Selection(
        REPORT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    author_id = fields.Many2one(
        "res.users",
        string="Written By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True)
    received_date = fields.Datetime(string="Received by MRD On", readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)
    triaged_by_id = fields.Many2one("res.users", string="Scheduled By", readonly=True)
    dev_work_id = fields.Many2one("scm.dev.work", string="Development", readonly=True)
    change_ids = fields.One2many(
        "scm.dev.requirement.change", "report_id", string="Change Confirmations"
    )
    permitted_user_ids = fields.Many2many(
        "res.users",
        "scm_dev_requirement_report_permitted_rel",
        "report_id",
        "user_id",
        string="Readers Permitted by the PM",
        readonly=True,
        help="Readers outside the project team, MRD, Software and QC, each "
        "permitted by the PM in writing (SUP-REQ-03).",
    )
    grant_user_id = fields.Many2one(
        "res.users",
        string="Permit Reader",
        help="The reader the PM permits with the button 'Permit Reader'.",
    )
    grant_reason = fields.Char(string="Reason for the Permission")

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | {"priority"}

    # -- roles --------------------------------------------------------------------
    def _devreq_is_mrd(self, user):
        return user.has_group(
            "scm_base.group_scm_admin"
        ) or user._scm_is_member_of_unit(self.env.ref("scm_base.dept_mrd"))

    def _devreq_check_branch(self, action):
        for record in self:
            if not (
                self.env.user.has_group("scm_base.group_scm_admin")
                or record.project_id.sudo()._scm_is_branch_worker(self.env.user)
            ):
                raise UserError(
                    _(
                        "Only the branch of %(project)s may %(action)s %(doc)s.",
                        project=record.project_id.sudo().display_name,
                        action=action,
                        doc=record.display_name,
                    )
                )

    def _devreq_check_mrd(self, action):
        for record in self:
            if not record._devreq_is_mrd(self.env.user):
                raise UserError(
                    _(
                        "Only MRD's requirement staff may %(action)s %(doc)s.",
                        action=action,
                        doc=record.display_name,
                    )
                )

    # -- guard -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for record in records:
            record._scm_step_write({"template_version": record.template_id.version})
        if not self.env.su:
            records._devreq_check_branch(_("write"))
            for record in records:
                if record.project_id.sudo().scm_contract_type != "secondary":
                    raise UserError(
                        _(
                            "A customer requirement report belongs to a secondary "
                            "(R) contract project (PRJ-SEC-02)."
                        )
                    )
                if not record.template_id.active:
                    raise UserError(
                        _("Write the report on the template MRD issues now.")
                    )
        return records

    def write(self, vals):
        if not self.env.su:
            names = set(vals)
            if names & SIGNED_CONTENT:
                for record in self:
                    if record.customer_signed:
                        raise UserError(
                            _(
                                "%(doc)s is signed by the customer: it changes "
                                "only through a customer requirement change "
                                "confirmation signed by the customer (SUP-REQ-01).",
                                doc=record.display_name,
                            )
                        )
                    if record.state != "draft":
                        raise UserError(
                            _(
                                "%(doc)s is confirmed and waits for the "
                                "customer's signature.",
                                doc=record.display_name,
                            )
                        )
                self._devreq_check_branch(_("change"))
            if "schedule_date" in names:
                self._scm_check_stage(("received",), _("scheduled"))
                self._devreq_check_mrd(_("schedule"))
            if names & {"grant_user_id", "grant_reason"}:
                self._scm_check_pm(_("permit readers of"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
            self._devreq_check_branch(_("delete"))
        return super().unlink()

    # -- steps -------------------------------------------------------------------
    def action_devreq_confirm(self):
        """The branch confirms the report for the customer's signature; the
        submitter states importance and urgency (SUP-REQ-02)."""
        for record in self:
            record._scm_check_stage(("draft",), _("confirmed"))
            record._devreq_check_branch(_("confirm"))
            if not record.importance or not record.urgency:
                raise UserError(
                    _(
                        "State the importance and the urgency of %(doc)s before "
                        "confirming it (SUP-REQ-02).",
                        doc=record.display_name,
                    )
                )
            record._scm_step_write(
                {"state": "confirmed", "confirmed_date": fields.Datetime.now()}
            )
        return True

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.state != "confirmed":
            raise UserError(
                _(
                    "%(doc)s is signed by the customer once the branch confirmed it.",
                    doc=self.display_name,
                )
            )

    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._devreq_check_branch(_("record the customer's signature on"))

    def _scm_on_customer_signed(self):
        self._scm_step_write({"state": "signed"})

    def action_devreq_receive(self):
        """PRJ-SEC-03: MRD receives the customer-signed report back."""
        for record in self:
            record._scm_check_stage(("signed",), _("received"))
            record._devreq_check_mrd(_("receive"))
            record._scm_step_write(
                {
                    "state": "received",
                    "received_date": fields.Datetime.now(),
                    "received_by_id": self.env.uid,
                }
            )
        return True

    def action_devreq_triage(self):
        """SUP-REQ-02: MRD derives the priority and gives the schedule date."""
        for record in self:
            record._scm_check_stage(("received",), _("scheduled"))
            record._devreq_check_mrd(_("schedule"))
            if not record.schedule_date:
                raise UserError(
                    _(
                        "Give the schedule date of %(doc)s (SUP-REQ-02).",
                        doc=record.display_name,
                    )
                )
            record._scm_step_write({"state": "triaged", "triaged_by_id": self.env.uid})
        return True

    def action_devreq_create_work(self):
        """MRD or the PM starts the project's development from the report."""
        self.ensure_one()
        work = self.project_id.sudo()._scm_devreq_start_work(self.env.user)
        self._scm_step_write({"dev_work_id": work.id})
        return work._devreq_open_action()

    def action_devreq_grant(self):
        """SUP-REQ-03: the PM permits a reader outside the listed readers, in
        writing: the permission is logged in the chatter."""
        for record in self:
            record._scm_check_pm(_("permit readers of"))
            reason = (record.grant_reason or "").strip()
            if not record.grant_user_id or not reason:
                raise UserError(
                    _(
                        "Name the reader and the reason of the permission on "
                        "%(doc)s (SUP-REQ-03).",
                        doc=record.display_name,
                    )
                )
            user = record.grant_user_id
            record._scm_step_write(
                {
                    "permitted_user_ids": [(4, user.id)],
                    "grant_user_id": False,
                    "grant_reason": False,
                }
            )
            record.sudo().message_post(
                body=_(
                    "%(pm)s permits %(user)s to read this requirement report: "
                    "%(reason)s (SUP-REQ-03).",
                    pm=self.env.user.name,
                    user=user.name,
                    reason=reason,
                )
            )
        return True

    def action_devreq_revoke(self):
        """The PM withdraws every permission given on the report."""
        for record in self:
            record._scm_check_pm(_("withdraw the permissions of"))
            names = ", ".join(record.permitted_user_ids.mapped("name"))
            record._scm_step_write({"permitted_user_ids": [(5, 0, 0)]})
            record.sudo().message_post(
                body=_("Permissions withdrawn: %(names)s.", names=names or "-")
            )
        return True

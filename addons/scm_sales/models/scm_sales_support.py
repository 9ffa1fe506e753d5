from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# The form itself: editable while a draft only.
FORM_FIELDS = {
    "company_id",
    "request_id",
    "partner_ids",
    "reason",
    "support_content",
    "date_from",
    "date_to",
    "staff_ids",
}


class ScmSalesSupport(models.Model):
    """《分公司销售支持单》: the MSD Manager sends staff to support a branch's
    sale, on the branch's request or on his own decision; the Market Center
    Manager approves; then the MSD Manager assigns the support tasks and
    supervises their execution (SAL-FOLLOW-03)."""

    _name = "scm.sales.support"
    _description = "Branch Sales Support Form"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    # The number, the author and the execution (state: the mixin).
    _scm_step_fields = ("name", "author_id", "execution_state")
    _order = "id desc"
    _mail_post_access = "read"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch Supported",
        required=True,
        index=True,
        domain=[("scm_unit_type", "=", "branch")],
        tracking=True,
    )
    request_id = fields.Many2one(
        "scm.sales.support.request",
        string="Branch Request",
        domain="[('company_id', '=', company_id), ('state', '=', 'sent')]",
        tracking=True,
        help="Empty when the MSD Manager decided to send support himself.",
    )
    origin = fields.Selection(
        [("request", "Branch Request"), ("msd", "MSD Manager's Decision")],
        compute="_compute_origin",
        store=True,
    )
    author_id = fields.Many2one(
        "res.users",
        string="Filled By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    partner_ids = fields.Many2many(
        "res.partner", string="Customers", domain=[("is_company", "=", True)]
    )
    reason = fields.Text(
        help="The branch's manpower and technical strength that call for support.",
    )
    support_content = fields.Html(string="Support Plan")
    date_from = fields.Date(string="From", tracking=True)
    date_to = fields.Date(string="To", tracking=True)
    staff_ids = fields.Many2many(
        "res.users",
        "scm_sales_support_staff_rel",
        "support_id",
        "user_id",
        string="Staff Sent",
    )
    task_ids = fields.One2many("scm.sales.support.task", "support_id", string="Tasks")
    execution_state = fields.Selection(
        [
            ("not_started", "Not Started"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
        ],
        string="Execution",
        default="not_started",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    result = fields.Text(string="Outcome", help="What the support achieved.")

    @api.depends("request_id")
    def _compute_origin(self):
        for support in self:
            support.origin = "request" if support.request_id else "msd"

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for support in self:
            if support.date_from and support.date_to:
                if support.date_to < support.date_from:
                    raise ValidationError(_("The support ends before it starts."))

    @api.constrains("request_id", "company_id")
    def _check_request_branch(self):
        for support in self:
            if support.request_id and support.request_id.company_id != (
                support.company_id
            ):
                raise ValidationError(
                    _("The request comes from another branch than the one supported.")
                )

    # -- author (SAL-FOLLOW-03) -----------------------------------------------------
    def _scm_check_msd_manager(self):
        if not (self.env.su or self.env.user.has_group("scm_base.group_msd_manager")):
            raise AccessError(
                _("Only the MSD Manager fills the Branch Sales Support Form.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_msd_manager()
        supports = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for support in supports.filtered(lambda s: s.name == "/"):
            # The number is the system's, never the client's.
            support._scm_step_write(
                {"name": sequence.next_by_code("scm.sales.support") or "/"}
            )
        for request in supports.request_id:
            request.sudo().write({"state": "answered"})
            request.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return supports

    def write(self, vals):
        if FORM_FIELDS & set(vals) or "result" in vals:
            self._scm_check_msd_manager()
        if FORM_FIELDS & set(vals):
            for support in self:
                if support.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is under review or approved and cannot be "
                            "changed.",
                            doc=support.display_name,
                        )
                    )
        return super().write(vals)

    # -- approval -------------------------------------------------------------------
    def _scm_approval_check_submit(self):
        self._scm_check_msd_manager()
        missing = []
        if not (self.reason or "").strip():
            missing.append(self._fields["reason"]._description_string(self.env))
        if not (self.date_from and self.date_to):
            missing.append(_("support period"))
        if not self.staff_ids:
            missing.append(self._fields["staff_ids"]._description_string(self.env))
        if missing:
            raise UserError(
                _(
                    "The support form needs: %(missing)s.",
                    missing=", ".join(missing),
                )
            )

    def _scm_approval_on_approved(self):
        self.env["scm.notice"]._scm_send(
            self,
            _("Sales support %(doc)s approved", doc=self.name),
            _(
                "MSD will send %(staff)s to support %(branch)s from %(start)s to "
                "%(end)s.",
                staff=", ".join(self.staff_ids.mapped("name")),
                branch=self.company_id.name,
                start=self.date_from,
                end=self.date_to,
            ),
            (self.company_id.scm_manager_id | self.staff_ids).partner_id,
        )
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Assign the support tasks"),
            user_id=self.author_id.id,
        )

    # -- execution ------------------------------------------------------------------
    def action_start(self):
        for support in self:
            support._scm_check_msd_manager()
            if support.state != "approved" or support.execution_state != "not_started":
                raise UserError(
                    _(
                        "Support starts once the Market Center Manager approved it; "
                        "%(doc)s cannot start now.",
                        doc=support.display_name,
                    )
                )
            if not support.task_ids.filtered("user_id"):
                raise UserError(_("Assign at least one support task first."))
            support.sudo().write({"execution_state": "in_progress"})
            support.sudo().activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_done(self):
        for support in self:
            support._scm_check_msd_manager()
            if support.execution_state != "in_progress":
                raise UserError(
                    _("%(doc)s is not in progress.", doc=support.display_name)
                )
            if support.task_ids.filtered(lambda t: t.state != "done"):
                raise UserError(_("Every support task must be done first."))
            if not (support.result or "").strip():
                raise UserError(_("Write the outcome of the support."))
            support.sudo().write({"execution_state": "done"})
        return True

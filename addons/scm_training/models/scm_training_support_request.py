from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

KINDS = [
    ("trainer", "Trainer Shortage"),
    ("staff", "Staff Organisation"),
    ("lighting", "Lighting and Props"),
    ("order", "Keeping Order"),
]
STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
]
# The manual sets no time to answer; two working days, editable here.
ANSWER_DAYS = 2
ANSWER_RULE = "TRN-PLAN-02"


class ScmTrainingSupportRequest(models.Model):
    """Help asked from another unit for a monthly training plan sheet
    (TRN-PLAN-02): trainers, staff organisation, lighting and props, keeping
    order. The asked unit's manager owes the answer."""

    _name = "scm.training.support.request"
    _description = "Training Support Request"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.stage.mixin"]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = ("requested_by_id", "answered_by_id", "answered_date")

    plan_id = fields.Many2one(
        "scm.training.plan",
        string="Training Plan Sheet",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('plan_type', '=', 'monthly')]",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        related="plan_id.department_id", store=True, index=True
    )
    asked_department_id = fields.Many2one(
        "hr.department", string="Asked HQ Unit", index=True
    )
    asked_company_id = fields.Many2one("res.company", string="Asked Branch", index=True)
    asked_manager_id = fields.Many2one(
        "res.users",
        string="Answered By (Manager)",
        compute="_compute_asked_manager_id",
        store=True,
        index=True,
        compute_sudo=True,
    )
    kind = fields.Selection(KINDS, required=True, tracking=True)
    what = fields.Text(string="What Is Needed", required=True)
    needed_on = fields.Date(required=True)
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True
    )
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_date = fields.Datetime(string="Answered On", readonly=True, copy=False)

    @api.depends("asked_department_id", "asked_company_id")
    def _compute_asked_manager_id(self):
        for request in self:
            if request.asked_department_id:
                request.asked_manager_id = (
                    request.asked_department_id.manager_id.user_id[:1]
                )
            else:
                request.asked_manager_id = request.asked_company_id.scm_manager_id

    @api.depends("kind", "plan_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for request in self:
            request.display_name = _(
                "%(kind)s for %(plan)s",
                kind=kinds.get(request.kind, ""),
                plan=request.plan_id.sudo().name or "",
            )

    @api.constrains("asked_department_id", "asked_company_id")
    def _check_asked_unit(self):
        for request in self:
            if bool(request.asked_department_id) == bool(request.asked_company_id):
                raise ValidationError(_("Ask one unit: an HQ department or a branch."))

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            request._scm_check_requester(_("ask for support for"))
        return requests

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            content = [
                name for name in vals if not name.startswith(("message_", "activity_"))
            ]
            if content:
                for request in self:
                    request._scm_check_stage(("draft",), _("edited"))
                    request._scm_check_requester(_("edit the support request of"))
        return super().write(vals)

    def _scm_check_requester(self, action):
        if self.env.su:
            return
        self.ensure_one()
        plan = self.plan_id.sudo()
        if not plan.with_env(self.env)._scm_may_keep():
            raise AccessError(
                _(
                    "Only the manager or the training specialist of %(unit)s may "
                    "%(action)s %(doc)s.",
                    unit=plan.unit_name,
                    action=action,
                    doc=plan.display_name,
                )
            )

    def action_send(self):
        """Send the request: the asked unit's manager owes the answer."""
        for request in self:
            request._scm_check_stage(("draft",), _("sent"))
            request._scm_check_requester(_("send the support request of"))
            manager = request.asked_manager_id
            if not manager:
                raise UserError(_("The asked unit has no manager with a user account."))
            request._scm_step_write(
                {"state": "requested", "requested_by_id": self.env.user.id}
            )
            request._scm_deadline_open(
                ANSWER_RULE,
                _("Answer the training support request"),
                manager,
                amount=ANSWER_DAYS,
            )
        return True

    def _scm_answer(self, state):
        for request in self:
            request._scm_check_stage(("requested",), _("answered"))
            if self.env.user != request.asked_manager_id and not self.env.su:
                raise AccessError(
                    _(
                        "Only %(manager)s, the manager of the asked unit, may "
                        "answer %(doc)s.",
                        manager=request.asked_manager_id.name,
                        doc=request.display_name,
                    )
                )
            request._scm_step_write(
                {
                    "state": state,
                    "answered_by_id": self.env.user.id,
                    "answered_date": fields.Datetime.now(),
                }
            )
            request._scm_deadline_close(ANSWER_RULE)
        return True

    def action_accept(self):
        return self._scm_answer("accepted")

    def action_decline(self):
        return self._scm_answer("declined")

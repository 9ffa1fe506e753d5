from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .scm_project_member import AA_ROLES

STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("assigned", "Assigned"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
# What the unit's manager fills in to answer; the answer itself is a step.
ANSWER_FIELDS = {"assignee_id", "answer_note"}


class ScmProjectCoordination(models.Model):
    """《任务协调单》, the task coordination form (SUP-EPM-03, PRJ-INIT-04,
    FORMS.md S8).

    The PM (or the branch manager, or MCD arranging a branch's application)
    asks an HQ unit for a member or for support: the role wanted, the work
    and the dates. The unit's manager owes an answer: assign one of their
    people, who joins the team, or refuse with a reason. A unit is not asked
    for support any other way: members from an HQ unit join a branch's
    project only through an answered request (see scm.project.member)."""

    _name = "scm.project.coordination"
    _description = "Task Coordination Form"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.project.document.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "project_id"]
    _scm_step_fields = (
        "name",
        "state",
        "requested_by_id",
        "requested_date",
        "answered_by_id",
        "answered_date",
        "member_id",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Requested Unit",
        required=True,
        tracking=True,
        help="The HQ unit asked for a member or for support (MRD, Software, "
        "QC, MCD...).",
    )
    unit_manager_id = fields.Many2one(
        "res.users",
        compute="_compute_unit_manager_id",
        store=True,
        index="btree_not_null",
        help="The manager of the requested unit answers the request.",
    )
    role = fields.Selection(AA_ROLES, string="Role Wanted", required=True)
    work = fields.Text(string="Work Requested", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    requested_date = fields.Datetime(string="Requested On", readonly=True, copy=False)
    assignee_id = fields.Many2one(
        "res.users",
        string="Assigned Person",
        domain="[('share', '=', False)]",
        tracking=True,
        help="Chosen by the unit's manager to answer the request.",
    )
    answer_note = fields.Text(
        string="Answer", help="The unit's answer; the reason when it refuses."
    )
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    member_id = fields.Many2one(
        "scm.project.member", string="Team Member", readonly=True, copy=False
    )

    @api.depends("department_id", "department_id.manager_id.user_id")
    def _compute_unit_manager_id(self):
        for request in self:
            request.unit_manager_id = request.department_id.sudo().manager_id.user_id

    @api.depends("name", "project_id", "department_id")
    def _compute_display_name(self):
        for request in self:
            label = " · ".join(
                part
                for part in (
                    request.project_id.sudo().name,
                    request.department_id.sudo().name,
                )
                if part
            )
            request.display_name = (
                f"{request.name} {label}" if request.name != "/" else label
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_to < request.date_from:
                raise UserError(_("The requested period ends before it starts."))

    # -- roles ----------------------------------------------------------------------
    def _scm_is_requester(self, user):
        """The PM, the project's branch manager, or MCD (which arranges what
        a branch asked for, PRJ-INIT-04)."""
        self.ensure_one()
        project = self.project_id.sudo()
        return (
            project._scm_acts_as_pm(user)
            or project.company_id.scm_manager_id == user
            or project._scm_is_mcd(user)
        )

    def _scm_is_unit_manager(self, user):
        self.ensure_one()
        return self.env["scm.delegation"]._scm_acts_for(
            user, self.unit_manager_id, self._name
        )

    def _scm_check_requester(self, action):
        for request in self:
            if not request._scm_is_requester(self.env.user):
                raise UserError(
                    _(
                        "Only the project manager, the branch manager or MCD may "
                        "%(action)s %(doc)s.",
                        action=action,
                        doc=request.display_name,
                    )
                )

    def _scm_check_unit_manager(self, action):
        for request in self:
            if not request._scm_is_unit_manager(self.env.user):
                raise UserError(
                    _(
                        "Only the manager of %(unit)s (or their delegate) may "
                        "%(action)s %(doc)s.",
                        unit=request.department_id.sudo().display_name,
                        action=action,
                        doc=request.display_name,
                    )
                )

    # -- guard ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                [vals.get("project_id") for vals in vals_list if vals.get("project_id")]
            )
            user = self.env.user
            for project in projects.sudo():
                if not (
                    project._scm_acts_as_pm(user)
                    or project.company_id.scm_manager_id == user
                    or project._scm_is_mcd(user)
                ):
                    raise UserError(
                        _(
                            "Only the project manager, the branch manager or MCD "
                            "may ask for support on %(project)s.",
                            project=project.display_name,
                        )
                    )
            for vals in vals_list:
                if ANSWER_FIELDS & {key for key, value in vals.items() if value}:
                    raise UserError(
                        _("The requested unit's manager answers the request.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            answer = ANSWER_FIELDS & vals.keys()
            for request in self:
                if answer:
                    if request.state != "requested" or set(vals) - ANSWER_FIELDS:
                        raise UserError(
                            _(
                                "%(doc)s: only the pending request's answer can "
                                "be filled in.",
                                doc=request.display_name,
                            )
                        )
                    request._scm_check_unit_manager(_("answer"))
                else:
                    if request.state != "draft":
                        raise UserError(
                            _(
                                "%(doc)s was sent: it can no longer be changed.",
                                doc=request.display_name,
                            )
                        )
                    request._scm_check_requester(_("edit"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("A coordination request is cancelled, not deleted."))
        return super().unlink()

    # -- steps ------------------------------------------------------------------
    def action_scm_request(self):
        """Send the request: the unit's manager owes an answer within 2 WD."""
        for request in self:
            request._scm_check_requester(_("send"))
            if request.state != "draft":
                raise UserError(
                    _("%(doc)s was already sent.", doc=request.display_name)
                )
            request.project_id.sudo()._scm_check_not_closed()
            manager = request.unit_manager_id
            if not manager:
                raise UserError(
                    _(
                        "%(unit)s has no manager to answer the request.",
                        unit=request.department_id.sudo().display_name,
                    )
                )
            company = request.company_id.sudo()
            code = company.scm_code or str(company.id)
            year = fields.Date.context_today(request).year
            prefix = f"XT{code}-{year}-"
            request._scm_step_write(
                {
                    "state": "requested",
                    "requested_by_id": self.env.user.id,
                    "requested_date": fields.Datetime.now(),
                }
            )
            request._scm_deadline_open(
                "SUP-EPM-03",
                _("Answer the coordination request %(doc)s", doc=request.display_name),
                manager,
                2,
            )
            request.message_subscribe(partner_ids=manager.partner_id.ids)
            request._scm_step_write(
                {
                    "name": self.env["scm.numbering"]
                    .sudo()
                    .next_number(prefix, prefix + "{serial}", document=request)
                }
            )
        return True

    def action_scm_assign(self):
        """The unit's manager assigns the person: they join the team."""
        for request in self:
            request._scm_check_unit_manager(_("assign"))
            if request.state != "requested":
                raise UserError(
                    _("%(doc)s is not waiting for an answer.", doc=request.display_name)
                )
            request.project_id.sudo()._scm_check_not_closed()
            if not request.assignee_id:
                raise UserError(_("Choose the person the unit assigns."))
            if not request.assignee_id._scm_is_member_of_unit(request.department_id):
                raise UserError(
                    _(
                        "%(user)s does not work in %(unit)s.",
                        user=request.assignee_id.name,
                        unit=request.department_id.sudo().display_name,
                    )
                )
            member = (
                self.env["scm.project.member"]
                .sudo()
                .create(
                    {
                        "project_id": request.project_id.id,
                        "side": "aa",
                        "role": request.role,
                        "user_id": request.assignee_id.id,
                        "department_id": request.department_id.id,
                        "date_from": request.date_from,
                    }
                )
            )
            request._scm_answer("assigned", member)
        return True

    def action_scm_refuse(self):
        """The unit's manager refuses, with the reason in the answer."""
        for request in self:
            request._scm_check_unit_manager(_("refuse"))
            if request.state != "requested":
                raise UserError(
                    _("%(doc)s is not waiting for an answer.", doc=request.display_name)
                )
            if not (request.answer_note or "").strip():
                raise UserError(_("Write the reason for refusing in the answer."))
            request._scm_answer("refused")
        return True

    def _scm_answer(self, state, member=None):
        self.ensure_one()
        self._scm_step_write(
            {
                "state": state,
                "answered_by_id": self.env.user.id,
                "answered_date": fields.Datetime.now(),
                "member_id": member.id if member else False,
            }
        )
        self._scm_deadline_close("SUP-EPM-03")
        requester = self.requested_by_id
        labels = dict(self._fields["state"]._description_selection(self.env))
        self.sudo().message_post(
            body=_(
                "%(unit)s answered: %(state)s. %(note)s",
                unit=self.department_id.sudo().display_name,
                state=labels[state],
                note=self.answer_note or "",
            ),
            partner_ids=requester.partner_id.ids,
        )

    def action_scm_cancel(self):
        for request in self:
            request._scm_check_requester(_("cancel"))
            if request.state not in ("draft", "requested"):
                raise UserError(
                    _("%(doc)s was already answered.", doc=request.display_name)
                )
            request._scm_step_write({"state": "cancelled"})
            request._scm_deadline_cancel("SUP-EPM-03")
        return True

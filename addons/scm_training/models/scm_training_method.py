from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# The 11 headings of the 《培训实施办法》 (TRN-PLAN-04), in the manual's order.
METHOD_HEADINGS = (
    "purpose",
    "aims",
    "methods",
    "steps",
    "time_plan",
    "department_cooperation",
    "staff_support",
    "examination",
    "funding",
    "organisation",
    "notes",
)


def guarded_create_env(model, vals_list, free=("session_id",)):
    """The environment a session's document is created in by sudo (its
    session is a step field, fixed at creation and checked by the caller):
    without sudo, step fields other than `free` are refused in the values
    and their context defaults are dropped, as the step guard does."""
    if model.env.su:
        return model
    guarded = model._scm_strip_step_defaults()
    names = guarded._scm_step_field_names() - set(free)
    for vals in vals_list:
        preset = {
            name
            for name in names & vals.keys()
            if vals[name] and vals[name] != guarded._scm_static_default(name)
        }
        if preset:
            raise guarded._scm_guard_error(preset)
        guarded._scm_check_links({k: v for k, v in vals.items() if k not in free})
    guarded.check_access("create")
    return guarded


class ScmTrainingMethod(models.Model):
    """《培训实施办法》, the implementation method of one training session
    (TRN-PLAN-04, FORMS.md row 78).

    The session's organiser writes its 11 headings and submits it to the
    session's superior (`scm.training.session._scm_superior()`), who must
    approve it before the session date: an approval on or after that date is
    refused. Approval moves the session to "Method Approved" (TRN-SM-01).

    A document of its own rather than fields on the session: the session
    already carries hr_course's `state` through its schedule, and the
    approval mixin needs its own `state`, rounds and history."""

    _name = "scm.training.method"
    _description = "Training Implementation Method"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "id desc"
    _scm_step_fields = ("session_id", "approved_date")

    session_id = fields.Many2one(
        "scm.training.session",
        string="Training Session",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    name = fields.Char(related="session_id.name", string="Session")
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True, string="Unit"
    )
    department_id = fields.Many2one(
        related="session_id.department_id", store=True, index=True
    )
    organiser_id = fields.Many2one(related="session_id.organiser_id")
    start_date = fields.Date(related="session_id.start_date", string="Session Date")
    superior_id = fields.Many2one(
        "res.users",
        string="Approver (Superior)",
        compute="_compute_superior_id",
        help="The session's superior approves the method (TRN-PLAN-04).",
    )
    purpose = fields.Text(tracking=True)
    aims = fields.Text(tracking=True)
    methods = fields.Text(tracking=True)
    steps = fields.Text(tracking=True)
    time_plan = fields.Text(tracking=True)
    department_cooperation = fields.Text(tracking=True)
    staff_support = fields.Text(tracking=True)
    examination = fields.Text(string="Examination and Assessment", tracking=True)
    funding = fields.Text(tracking=True)
    organisation = fields.Text(string="Organisation and Leadership", tracking=True)
    notes = fields.Text(tracking=True)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "session_uniq",
            "unique (session_id)",
            "A training session has one implementation method.",
        )
    ]

    @api.depends("session_id", "session_id.organiser_id")
    def _compute_superior_id(self):
        for method in self:
            session = method.session_id.sudo()
            method.superior_id = session and session._scm_superior()

    @api.depends("session_id")
    def _compute_display_name(self):
        for method in self:
            method.display_name = _(
                "Implementation Method: %(session)s",
                session=method.session_id.sudo().display_name or "",
            )

    # -- who --
    def _scm_check_organiser(self, action):
        for method in self:
            session = method.session_id.sudo()
            if not self.env.su and not self.env["scm.delegation"]._scm_acts_for(
                self.env.user, session.organiser_id, self._name
            ):
                raise AccessError(
                    _(
                        "Only %(organiser)s, who organises %(session)s, may "
                        "%(action)s its implementation method.",
                        organiser=session.organiser_id.name,
                        session=session.display_name,
                        action=action,
                    )
                )

    # -- CRUD --
    @api.model_create_multi
    def create(self, vals_list):
        # The session is a step field (fixed once): it is checked here, the
        # caller must be its organiser and may read it.
        guarded = guarded_create_env(self, vals_list)
        sessions = self.env["scm.training.session"]
        for vals in vals_list:
            session = sessions.browse(vals.get("session_id"))
            if not self.env.su:
                session.check_access("read")
            self._scm_check_session_open(session.sudo())
        methods = super(ScmTrainingMethod, guarded.sudo()).create(vals_list)
        methods = methods.with_env(self.env)
        methods._scm_check_organiser(_("write"))
        return methods

    @api.model
    def _scm_check_session_open(self, session):
        if not session:
            raise UserError(_("Choose the training session of the method."))
        if session.stage != "planned":
            raise UserError(
                _(
                    "%(session)s is %(stage)s: its implementation method is "
                    "written while it is planned.",
                    session=session.display_name,
                    stage=session._scm_stage_label(),
                )
            )

    def write(self, vals):
        if not self.env.su and vals.keys() & set(METHOD_HEADINGS):
            self.check_access("write")
            self._scm_check_organiser(_("edit"))
            for method in self:
                if method.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: it is edited only as a draft "
                            "(a rejection returns it to draft).",
                            doc=method.display_name,
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[method.state],
                        )
                    )
        return super().write(vals)

    def _scm_write(self, vals):
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    # -- approval (TRN-PLAN-04) --
    def _scm_missing_headings(self):
        self.ensure_one()
        return [
            self._fields[name]._description_string(self.env)
            for name in METHOD_HEADINGS
            if not (self[name] or "").strip()
        ]

    def _scm_approval_check_submit(self):
        self.ensure_one()
        session = self.session_id.sudo()
        self._scm_check_session_open(session)
        missing = self._scm_missing_headings()
        if missing:
            raise UserError(
                _(
                    "Fill in every heading of the implementation method before "
                    "submitting it (TRN-PLAN-04); missing: %(headings)s.",
                    headings=", ".join(missing),
                )
            )
        session._scm_check_before_session_date(_("submitted for approval"), self)

    def action_scm_submit(self):
        """The organiser submits the method to the session's superior."""
        self._scm_check_organiser(_("submit"))
        res = super().action_scm_submit()
        for method in self:
            method.session_id.sudo()._scm_deadline_close("TRN-PLAN-04")
        return res

    def action_scm_withdraw(self):
        self._scm_check_organiser(_("withdraw"))
        return super().action_scm_withdraw()

    def _scm_check_my_turn(self):
        for method in self:
            if method.state != "to_approve" or not method._scm_my_reviews():
                raise UserError(
                    _(
                        "You have no decision to give on %(doc)s: the session's "
                        "superior (%(superior)s) approves it.",
                        doc=method.display_name,
                        superior=method.superior_id.name or "-",
                    )
                )

    def _scm_check_approval_date(self):
        """TRN-PLAN-04: the method is approved before the session date."""
        for method in self:
            method.session_id.sudo()._scm_check_before_session_date(
                _("approved"), method
            )

    def validate_tier(self):
        self._scm_check_my_turn()
        self._scm_check_approval_date()
        return super().validate_tier()

    def reject_tier(self):
        self._scm_check_my_turn()
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        self._scm_check_my_turn()
        self._scm_check_approval_date()
        return super()._validate_tier(tiers)

    def _scm_approval_on_approved(self):
        self._scm_write({"approved_date": fields.Datetime.now()})
        self.session_id.sudo()._scm_on_method_approved(self)

    def _scm_approval_on_rejected(self):
        session = self.session_id.sudo()
        self.env["scm.notice"]._scm_send(
            self,
            _("Implementation method of %(doc)s not approved", doc=session.name),
            _(
                "Revise the implementation method and submit it again before "
                "the session date."
            ),
            session.organiser_id.partner_id,
        )

    def _scm_cancel_with_session(self):
        """The session was cancelled: a method under review leaves review."""
        for method in self.sudo():
            if method.state == "to_approve":
                method._scm_close_round("withdrawn", method._scm_undecided())
            if method.state != "approved":
                method._scm_write({"state": "cancel"})

    # -- printing --
    def action_print_method(self):
        self.ensure_one()
        return self.env.ref(
            "scm_training.action_report_scm_training_method"
        ).report_action(self)

    def action_open_session(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.training.session",
            "view_mode": "form",
            "res_id": self.session_id.id,
        }

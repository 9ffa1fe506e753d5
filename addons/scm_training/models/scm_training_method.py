from odoo import _, api, fields, models
from odoo.exceptions import UserError

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
    _inherit = ["scm.training.session.document"]
    _order = "id desc"
    _scm_content_fields = METHOD_HEADINGS

    name = fields.Char(related="session_id.name", string="Session")
    superior_id = fields.Many2one(
        help="The session's superior approves the method (TRN-PLAN-04)."
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

    _sql_constraints = [
        (
            "session_uniq",
            "unique (session_id)",
            "A training session has one implementation method.",
        )
    ]

    @api.depends("session_id")
    def _compute_display_name(self):
        for method in self:
            method.display_name = _(
                "Implementation Method: %(session)s",
                session=method.session_id.sudo().display_name or "",
            )

    # -- CRUD --
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
        res = super().action_scm_submit()
        for method in self:
            method.session_id.sudo()._scm_deadline_close("TRN-PLAN-04")
        return res

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

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .scm_training_method import guarded_create_env

CONTENT_FIELDS = {"name", "content", "attachment_ids", "trainer_id"}


class ScmTrainingHandout(models.Model):
    """《培训讲义》, a training handout (TRN-PLAN-02, TRN-PLAN-05, FORMS.md
    row 80).

    Written by the session's trainer (or its organiser) and approved by the
    session's superior in advance: an approval on or after the session date
    is refused. An approved handout moves the session to "Handout Approved"
    once its method is approved (TRN-SM-01); a session without one needs the
    organiser's "special case" reason instead (on the session)."""

    _name = "scm.training.handout"
    _description = "Training Handout"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "id desc"
    _scm_step_fields = ("session_id", "approved_date")

    name = fields.Char(string="Title", required=True, tracking=True)
    session_id = fields.Many2one(
        "scm.training.session",
        string="Training Session",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True, string="Unit"
    )
    department_id = fields.Many2one(
        related="session_id.department_id", store=True, index=True
    )
    organiser_id = fields.Many2one(related="session_id.organiser_id")
    start_date = fields.Date(related="session_id.start_date", string="Session Date")
    trainer_id = fields.Many2one(
        "hr.employee",
        string="Author (Trainer)",
        tracking=True,
        help="The trainer who wrote the handout; the session's lead trainer "
        "by default.",
    )
    content = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_training_handout_attachment_rel",
        "handout_id",
        "attachment_id",
        string="Files",
    )
    superior_id = fields.Many2one(
        "res.users",
        string="Approver (Superior)",
        compute="_compute_superior_id",
        help="The session's superior approves the handout in advance "
        "(TRN-PLAN-05); the Training Dept manager when the superior wrote it.",
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    @api.depends("session_id", "trainer_id")
    def _compute_superior_id(self):
        for handout in self:
            session = handout.session_id.sudo()
            superior = session and session._scm_superior()
            author = handout.sudo().trainer_id.user_id
            if superior and author and superior == author:
                superior = session._scm_training_manager()
            handout.superior_id = superior

    # -- who --
    def _scm_authors(self):
        """Who writes and submits the handout: its trainer and the session's
        organiser."""
        self.ensure_one()
        return self.sudo().trainer_id.user_id | self.session_id.sudo().organiser_id

    def _scm_check_author(self, action):
        if self.env.su:
            return
        for handout in self:
            if not self.env["scm.delegation"]._scm_acts_for(
                self.env.user, handout._scm_authors(), self._name
            ):
                raise AccessError(
                    _(
                        "Only the trainer or the organiser of %(session)s may "
                        "%(action)s its handout.",
                        session=handout.session_id.sudo().display_name,
                        action=action,
                    )
                )

    # -- CRUD --
    @api.model_create_multi
    def create(self, vals_list):
        guarded = guarded_create_env(self, vals_list)
        sessions = self.env["scm.training.session"]
        for vals in vals_list:
            session = sessions.browse(vals.get("session_id"))
            if not self.env.su:
                session.check_access("read")
            self._scm_check_session_open(session.sudo())
            if not vals.get("trainer_id"):
                vals["trainer_id"] = session.sudo().trainer_id.id
        handouts = super(ScmTrainingHandout, guarded.sudo()).create(vals_list)
        handouts = handouts.with_env(self.env)
        handouts._scm_check_author(_("write"))
        return handouts

    @api.model
    def _scm_check_session_open(self, session):
        if not session:
            raise UserError(_("Choose the training session of the handout."))
        if session.stage not in ("planned", "method_approved"):
            raise UserError(
                _(
                    "%(session)s is %(stage)s: its handouts are written and "
                    "approved before it is held.",
                    session=session.display_name,
                    stage=session._scm_stage_label(),
                )
            )
        if session.handout_special_case:
            raise UserError(
                _(
                    "%(session)s is held without a handout (special case).",
                    session=session.display_name,
                )
            )

    def write(self, vals):
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            self.check_access("write")
            self._scm_check_author(_("edit"))
            for handout in self:
                if handout.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is no longer a draft: an approved handout is "
                            "used as approved (a rejection returns it to draft).",
                            doc=handout.display_name,
                        )
                    )
        return super().write(vals)

    def unlink(self):
        # A draft is deleted by its authors only (trainees read it too).
        self._scm_check_author(_("delete"))
        return super().unlink()

    def _scm_write(self, vals):
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    # -- approval (TRN-PLAN-05) --
    def _scm_approval_check_submit(self):
        self.ensure_one()
        session = self.session_id.sudo()
        self._scm_check_session_open(session)
        if not self.content and not self.attachment_ids:
            raise UserError(
                _("Write the handout or attach its file before submitting it.")
            )
        session._scm_check_before_session_date(_("submitted for approval"), self)

    def action_scm_submit(self):
        self._scm_check_author(_("submit"))
        return super().action_scm_submit()

    def action_scm_withdraw(self):
        self._scm_check_author(_("withdraw"))
        return super().action_scm_withdraw()

    def _scm_check_my_turn(self):
        for handout in self:
            if handout.state != "to_approve" or not handout._scm_my_reviews():
                raise UserError(
                    _(
                        "You have no decision to give on %(doc)s: the session's "
                        "superior (%(superior)s) approves it.",
                        doc=handout.display_name,
                        superior=handout.superior_id.name or "-",
                    )
                )

    def _scm_check_approval_date(self):
        """TRN-PLAN-05: the handout is approved before the session date."""
        for handout in self:
            handout.session_id.sudo()._scm_check_before_session_date(
                _("approved"), handout
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
        self.session_id.sudo()._scm_on_handout_approved(self)

    def _scm_cancel_with_session(self):
        for handout in self.sudo():
            if handout.state == "to_approve":
                handout._scm_close_round("withdrawn", handout._scm_undecided())
            if handout.state != "approved":
                handout._scm_write({"state": "cancel"})

    # -- printing --
    def action_print_handout(self):
        self.ensure_one()
        return self.env.ref(
            "scm_training.action_report_scm_training_handout"
        ).report_action(self)

from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
    _inherit = ["scm.training.session.document"]
    _order = "id desc"
    _scm_content_fields = ("name", "content", "attachment_ids", "trainer_id")

    name = fields.Char(string="Title", required=True, tracking=True)
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
        help="The session's superior approves the handout in advance "
        "(TRN-PLAN-05); the Training Dept manager when the superior wrote it.",
    )

    @api.depends("session_id", "session_id.organiser_id", "trainer_id")
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

    # -- CRUD --
    @api.model
    def _scm_complete_create_values(self, vals, session):
        """A handout is the session's lead trainer's by default."""
        if not vals.get("trainer_id"):
            vals["trainer_id"] = session.trainer_id.id
        return vals

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

    def unlink(self):
        # A draft is deleted by its authors only (trainees read it too).
        self._scm_check_author(_("delete"))
        return super().unlink()

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

    def _scm_approval_on_approved(self):
        self._scm_write({"approved_date": fields.Datetime.now()})
        self.session_id.sudo()._scm_on_handout_approved(self)

    # -- printing --
    def action_print_handout(self):
        self.ensure_one()
        return self.env.ref(
            "scm_training.action_report_scm_training_handout"
        ).report_action(self)

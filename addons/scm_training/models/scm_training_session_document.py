from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmTrainingSessionDocument(models.AbstractModel):
    """What a training session's approved documents share: the implementation
    method (TRN-PLAN-04) and the handouts (TRN-PLAN-05).

    A document belongs to one session, fixed at its creation; its authors
    write it while the session is open and edit it as a draft only; the
    session's superior approves it before the session date, and no one else
    decides; it leaves review when the session is cancelled. Each document
    says who its authors are (`_scm_authors`), which fields are its content
    (`_scm_content_fields`) and when its session is open for it
    (`_scm_check_session_open`)."""

    _name = "scm.training.session.document"
    _description = "Training Session Document"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _scm_step_fields = ("session_id", "approved_date")
    # The fields the authors write, as a draft only.
    _scm_content_fields = ()

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
    superior_id = fields.Many2one(
        "res.users",
        string="Approver (Superior)",
        compute="_compute_superior_id",
        help="The session's superior approves the document before the session date.",
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    @api.depends("session_id", "session_id.organiser_id")
    def _compute_superior_id(self):
        for document in self:
            session = document.session_id.sudo()
            document.superior_id = session and session._scm_superior()

    # -- who --
    def _scm_authors(self):
        """Who writes and submits the document: the session's organiser."""
        self.ensure_one()
        return self.session_id.sudo().organiser_id

    def _scm_check_author(self, action):
        if self.env.su:
            return
        for document in self:
            authors = document._scm_authors()
            if not self.env["scm.delegation"]._scm_acts_for(
                self.env.user, authors, self._name
            ):
                raise AccessError(
                    _(
                        "Only %(authors)s may %(action)s %(doc)s.",
                        authors=", ".join(authors.mapped("name")) or "-",
                        action=action,
                        doc=document.display_name,
                    )
                )

    # -- CRUD --
    @api.model
    def _scm_check_session_open(self, session):
        """Refuse a document for `session` when the session no longer takes
        it (each document says when)."""
        if not session:
            raise UserError(_("Choose the training session of the document."))

    @api.model
    def _scm_complete_create_values(self, vals, session):
        """Values a new document takes from its session (each document's)."""
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        # The session is a step field, fixed at creation: it is checked here
        # instead of refused. The caller must read it and be an author.
        guarded = self
        if not self.env.su:
            guarded = self._scm_strip_step_defaults()
            names = guarded._scm_step_field_names() - {"session_id"}
            for vals in vals_list:
                preset = {
                    name
                    for name in names & vals.keys()
                    if vals[name] and vals[name] != guarded._scm_static_default(name)
                }
                if preset:
                    raise guarded._scm_guard_error(preset)
                guarded._scm_check_links(
                    {key: value for key, value in vals.items() if key != "session_id"}
                )
            guarded.check_access("create")
        sessions = self.env["scm.training.session"]
        for vals in vals_list:
            session = sessions.browse(vals.get("session_id"))
            if not self.env.su:
                session.check_access("read")
            self._scm_check_session_open(session.sudo())
            self._scm_complete_create_values(vals, session.sudo())
        documents = super(ScmTrainingSessionDocument, guarded.sudo()).create(vals_list)
        documents = documents.with_env(self.env)
        documents._scm_check_author(_("write"))
        return documents

    def write(self, vals):
        if not self.env.su and vals.keys() & set(self._scm_content_fields):
            self.check_access("write")
            self._scm_check_author(_("edit"))
            for document in self:
                if document.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is %(state)s: it is edited only as a draft "
                            "(a rejection returns it to draft).",
                            doc=document.display_name,
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[document.state],
                        )
                    )
        return super().write(vals)

    def _scm_write(self, vals):
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    # -- approval (TRN-PLAN-04/05) --
    def action_scm_submit(self):
        self._scm_check_author(_("submit"))
        return super().action_scm_submit()

    def action_scm_withdraw(self):
        self._scm_check_author(_("withdraw"))
        return super().action_scm_withdraw()

    def _scm_nothing_to_decide(self):
        return UserError(
            _(
                "You have no decision to give on %(doc)s: the session's superior "
                "(%(superior)s) approves it.",
                doc=self.display_name,
                superior=self.superior_id.name or "-",
            )
        )

    def _scm_check_approval_date(self):
        """TRN-PLAN-04/05: approved before the session date."""
        for document in self:
            document.session_id.sudo()._scm_check_before_session_date(
                _("approved"), document
            )

    def validate_tier(self):
        # Who may decide is answered before whether it is still in time.
        self._scm_check_my_turn()
        self._scm_check_approval_date()
        return super().validate_tier()

    def _validate_tier(self, tiers=False):
        self._scm_check_my_turn()
        self._scm_check_approval_date()
        return super()._validate_tier(tiers)

    def _scm_cancel_with_session(self):
        """The session was cancelled: a document under review leaves review,
        one not approved is cancelled."""
        for document in self.sudo():
            if document.state == "to_approve":
                document._scm_close_round("withdrawn", document._scm_undecided())
            if document.state != "approved":
                document._scm_write({"state": "cancel"})

from odoo import _, api, fields, models
from odoo.exceptions import UserError

REVIEW_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted for Review"),
    ("approved", "Approved"),
]


class ScmDevDocumentMixin(models.AbstractModel):
    """A reviewed step document of a software development (PRJ-DEV-03,
    PRJ-DEV-05, PRJ-DEV-06, PRJ-SC-02): its author writes it in draft and
    submits it, the reviewer the work names approves it or returns it to
    draft (the manual states no rejection path: "back to the author"), within
    the deadline of the document's rule; approval distributes its copies.

    A document says who writes it (`_devreq_check_author`), who reviews it
    (`_devreq_reviewer`), the rule and working days of the review
    (`_devreq_review_rule`), the fields required on submission
    (`_devreq_required_fields`) and what approval sets off
    (`_devreq_on_approved`)."""

    _name = "scm.dev.document.mixin"
    _description = "Development Step Document"
    # One base for every step document of a development: the work, its
    # branch, the three parties and the copies are scm.devagr.document.mixin's
    # (the agreement side's documents use it alone); this mixin adds the
    # review of the requirement side's documents on top of it.
    _inherit = ["scm.devagr.document.mixin"]
    _scm_stage_field = "state"
    _scm_step_fields = (
        "author_id",
        "submitted_date",
        "reviewed_by_id",
        "reviewed_date",
    )

    kind = fields.Selection(related="work_id.kind", store=True)
    project_id = fields.Many2one(related="work_id.project_id", store=True)
    state = fields.Selection(
        REVIEW_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    author_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        readonly=True,
        copy=False,
        default=lambda self: self.env.user,
    )
    submitted_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reviewed_date = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    review_note = fields.Text(string="Review Comments")

    # -- hooks ----------------------------------------------------------------
    def _devreq_author_allowed(self, user):
        return False

    def _devreq_reviewer(self):
        """The user who reviews the document (delegates act for him)."""
        return self.env["res.users"]

    def _devreq_review_rule(self):
        """(rule code, working days) of the review deadline."""
        return ("", 0)

    def _devreq_required_fields(self):
        return ()

    def _devreq_on_submitted(self):
        """What the submission sets off beyond the review deadline."""

    def _devreq_on_approved(self):
        """What the approval sets off beyond the copies."""

    # -- roles ----------------------------------------------------------------
    def _devreq_acts_for(self, user, principals):
        if user.has_group("scm_base.group_scm_admin"):
            return True
        return self.env["scm.delegation"]._scm_acts_for(user, principals, self._name)

    def _devreq_check_author(self, action):
        user = self.env.user
        for record in self:
            if not (
                user.has_group("scm_base.group_scm_admin")
                or record._devreq_author_allowed(user)
            ):
                raise UserError(
                    _(
                        "You may not %(action)s %(doc)s: it is written by its "
                        "author's side only.",
                        action=action,
                        doc=record.display_name or record._description,
                    )
                )

    def _devreq_check_reviewer(self, action):
        for record in self:
            reviewer = record._devreq_reviewer()
            if not record._devreq_acts_for(self.env.user, reviewer):
                raise UserError(
                    _(
                        "Only %(who)s may %(action)s %(doc)s.",
                        who=", ".join(reviewer.mapped("name")) or _("its reviewer"),
                        action=action,
                        doc=record.display_name,
                    )
                )

    # -- guard ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records._devreq_check_author(_("write"))
            for record in records:
                if record.work_id.stage == "cancelled":
                    raise UserError(
                        _(
                            "%(work)s is cancelled.",
                            work=record.work_id.display_name,
                        )
                    )
        return records

    def write(self, vals):
        if not self.env.su:
            if "work_id" in vals and any(r.work_id.id != vals["work_id"] for r in self):
                raise UserError(
                    _("%(model)s belongs to its development.", model=self._description)
                )
            content = set(vals) - {"review_note"}
            if content:
                for record in self:
                    if record.state != "draft":
                        raise UserError(
                            _(
                                "%(doc)s is submitted: it changes only when its "
                                "reviewer returns it.",
                                doc=record.display_name,
                            )
                        )
                self._devreq_check_author(_("change"))
            if "review_note" in vals:
                for record in self:
                    if record.state == "submitted":
                        record._devreq_check_reviewer(_("comment on"))
                    elif record.state == "approved":
                        raise UserError(
                            _("%(doc)s is approved.", doc=record.display_name)
                        )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
            self._devreq_check_author(_("delete"))
        return super().unlink()

    # -- steps ----------------------------------------------------------------
    def action_devreq_submit(self):
        for record in self:
            record._scm_check_stage(("draft",), _("submitted"))
            record._devreq_check_author(_("submit"))
            missing = [
                record._fields[name]._description_string(self.env)
                for name in record._devreq_required_fields()
                if not (
                    record[name].strip()
                    if isinstance(record[name], str)
                    else record[name]
                )
            ]
            if missing:
                raise UserError(
                    _(
                        "%(doc)s cannot be submitted without: %(fields)s.",
                        doc=record.display_name,
                        fields=", ".join(missing),
                    )
                )
            now = fields.Datetime.now()
            record._scm_step_write(
                {"state": "submitted", "submitted_date": now, "author_id": self.env.uid}
            )
            code, days = record._devreq_review_rule()
            record._scm_deadline_open(
                code,
                _("Review %(doc)s", doc=record.display_name),
                record._devreq_reviewer()[:1],
                days,
                start=now,
            )
            record._devreq_on_submitted()
        return True

    def action_devreq_approve(self):
        for record in self:
            record._scm_check_stage(("submitted",), _("approved"))
            record._devreq_check_reviewer(_("approve"))
            record._scm_step_write(
                {
                    "state": "approved",
                    "reviewed_by_id": self.env.uid,
                    "reviewed_date": fields.Datetime.now(),
                }
            )
            record._scm_deadline_close(record._devreq_review_rule()[0])
            if record._scm_distribution_list():
                record._scm_distribute()
            record._devreq_on_approved()
        return True

    def action_devreq_return(self):
        """Not approved: back to its author, with the reviewer's comments."""
        for record in self:
            record._scm_check_stage(("submitted",), _("returned"))
            record._devreq_check_reviewer(_("return"))
            if not (record.review_note or "").strip():
                raise UserError(
                    _(
                        "Say in the review comments why %(doc)s is returned.",
                        doc=record.display_name,
                    )
                )
            record._scm_step_write({"state": "draft"})
            record._scm_deadline_close(record._devreq_review_rule()[0])
            record.sudo().message_post(
                body=_("Returned to its author: %(note)s", note=record.review_note)
            )
        return True

    # -- helpers --------------------------------------------------------------
    def _devreq_unit(self, xmlid):
        return self.env.ref(xmlid)

    def _devreq_unit_copy(self, xmlid, copy_type="copy"):
        return {
            "recipient_department_id": self.env.ref(xmlid).id,
            "copy_type": copy_type,
        }

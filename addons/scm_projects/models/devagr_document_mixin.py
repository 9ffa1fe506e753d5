from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The three parties of a development and the unit each belongs to.
SIDES = [
    ("requirements", "Requirements (MRD)"),
    ("software", "Software Dept"),
    ("qc", "QC Dept"),
]
SIDE_UNITS = {
    "requirements": "scm_base.dept_mrd",
    "software": "scm_base.dept_software",
    "qc": "scm_base.dept_qc",
}
SIDE_LEADS = {
    "requirements": "requirement_lead_id",
    "software": "software_lead_id",
    "qc": "qc_lead_id",
}


class ScmDevagrDocumentMixin(models.AbstractModel):
    """A step document of a software development (PRJ-DEV-07..15): it
    belongs to one scm.dev.work, carries the work's branch, and knows which
    of the three parties (requirements, software, QC) a user acts for."""

    _name = "scm.devagr.document.mixin"
    _description = "Software Development Step Document"
    _inherit = [
        "mail.thread",
        "scm.deadline.mixin",
        "scm.stage.mixin",
        "scm.distribution.mixin",
        "scm.signature.mixin",
    ]

    work_id = fields.Many2one(
        "scm.dev.work",
        string="Development",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        related="work_id.company_id",
        store=True,
        index=True,
        string="Branch",
    )

    # Links that never move once the document exists.
    _devagr_fixed_links = ("work_id",)

    def write(self, vals):
        if not self.env.su:
            for name in set(self._devagr_fixed_links) & vals.keys():
                if any(record[name].id != vals[name] for record in self):
                    raise UserError(
                        _(
                            "%(model)s: %(field)s cannot be changed.",
                            model=self._description,
                            field=self._fields[name]._description_string(self.env),
                        )
                    )
        return super().write(vals)

    # -- the parties ------------------------------------------------------------
    @api.model
    def _devagr_side_label(self, side):
        return {
            "requirements": _("Requirements (MRD)"),
            "software": _("the Software Dept"),
            "qc": _("the QC Dept"),
        }[side]

    def _devagr_is_side(self, user, side, work=None):
        """`user` acts for `side` of the work: its lead for that side, or a
        member (or the manager) of the side's unit."""
        work = (work or self.work_id).sudo()
        if work[SIDE_LEADS[side]] == user:
            return True
        return user._scm_is_member_of_unit(self.env.ref(SIDE_UNITS[side]))

    def _devagr_side_signer(self, side, work=None):
        """Who signs for `side`: the work's lead for it, else the unit's
        manager."""
        work = (work or self.work_id).sudo()
        return work[SIDE_LEADS[side]] or work._scm_unit_manager(SIDE_UNITS[side])

    def _devagr_check_side(self, side, action, work=None):
        user = self.env.user
        if not self._devagr_is_side(user, side, work):
            raise UserError(
                _(
                    "Only %(side)s may %(action)s %(doc)s.",
                    side=self._devagr_side_label(side),
                    action=action,
                    doc=self.display_name or (work or self.work_id).sudo().display_name,
                )
            )

    def _devagr_check_requirement_lead(self, action, work=None):
        """The Requirement Project Lead of the work (the MRD Manager when the
        work names none)."""
        work = (work or self.work_id).sudo()
        lead = work.requirement_lead_id or work._scm_mrd_manager()
        if self.env.user != lead:
            raise UserError(
                _(
                    "Only the Requirement Project Lead of %(work)s (%(lead)s) may "
                    "%(action)s %(doc)s.",
                    work=work.display_name,
                    lead=lead.name,
                    action=action,
                    doc=self.display_name or self._description,
                )
            )

    def _devagr_check_user(self, users, action):
        if self.env.user not in users:
            raise UserError(
                _(
                    "Only %(who)s may %(action)s %(doc)s.",
                    who=", ".join(users.mapped("name")),
                    action=action,
                    doc=self.display_name,
                )
            )

    # -- copies ---------------------------------------------------------------------
    def _devagr_copies(self, recipients):
        """Copy lines of the document (ORG-RULE-08), as many times as the
        procedure hands it on (approval, confirmation ...)."""
        self.ensure_one()
        now = fields.Datetime.now()
        lines = (
            self.env["scm.distribution"]
            .sudo()
            .create(
                [
                    {
                        "res_model": self._name,
                        "res_id": self.id,
                        "res_name": self.display_name,
                        "company_id": self.company_id.id,
                        "sequence": len(self.sudo().scm_distribution_ids) + sequence,
                        "sent_at": now,
                        "copy_type": "copy",
                        **recipient,
                    }
                    for sequence, recipient in enumerate(recipients)
                ]
            )
        )
        lines._scm_schedule_receipt_activities(self)
        self.sudo().message_post(
            body=_(
                "Copies sent to: %(names)s",
                names=", ".join(lines.mapped("recipient_name")),
            )
        )
        return lines

    def _devagr_unit_copies(self, sides):
        return self._devagr_copies(
            [
                {"recipient_department_id": self.env.ref(SIDE_UNITS[side]).id}
                for side in sides
            ]
        )

    def _devagr_move_work(self, allowed, stage, action):
        """Move the development's stage (PRJ-DEV-16) after the step's checks."""
        work = self.work_id.sudo()
        work._scm_check_stage(allowed, action)
        if work.stage != stage:
            work._scm_step_write({"stage": stage})

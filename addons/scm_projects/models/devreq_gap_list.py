from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevGapList(models.Model):
    """The 《客户需求差异单》 (PRJ-SC-04): the differences between a contract
    customer's needs and the current software version, provided by the
    project's branch. Requirement staff verify each line with the branch
    ("branch verified") and its platform feasibility with the Software Dept
    ("software feasible"); the verified list is the basis of a C project's
    analysis report (`scm.dev.work._scm_requirement_sources`)."""

    _name = "scm.dev.gap.list"
    _description = "Customer Requirement Gap List"
    _inherit = [
        "mail.thread",
        "scm.project.document.mixin",
        "scm.stage.mixin",
    ]
    _order = "id desc"
    _scm_stage_field = "state"
    _scm_step_fields = (
        "submitted_date",
        "submitted_by_id",
        "verified_by_id",
        "verified_date",
        "dev_work_id",
    )

    name = fields.Char(string="Title", required=True)
    software_version = fields.Char(string="Current Software Version")
    line_ids = fields.One2many("scm.dev.gap.line", "gap_list_id", string="Differences")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Sent to MRD"), ("verified", "Verified")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    submitted_date = fields.Datetime(string="Sent to MRD On", readonly=True)
    submitted_by_id = fields.Many2one("res.users", string="Sent By", readonly=True)
    verified_by_id = fields.Many2one("res.users", readonly=True)
    verified_date = fields.Datetime(string="Verified On", readonly=True)
    dev_work_id = fields.Many2one("scm.dev.work", string="Development", readonly=True)

    def _devreq_check_branch(self, action):
        for record in self:
            if not (
                self.env.user.has_group("scm_base.group_scm_admin")
                or record.project_id.sudo()._scm_is_branch_worker(self.env.user)
            ):
                raise UserError(
                    _(
                        "Only the branch of %(project)s may %(action)s %(doc)s.",
                        project=record.project_id.sudo().display_name,
                        action=action,
                        doc=record.display_name,
                    )
                )

    def _devreq_check_mrd(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_scm_admin")
            or user._scm_is_member_of_unit(self.env.ref("scm_base.dept_mrd"))
        ):
            raise UserError(
                _("Only MRD's requirement staff may %(action)s it.", action=action)
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records._devreq_check_branch(_("provide"))
            for record in records:
                if record.project_id.sudo().scm_contract_type != "sc":
                    raise UserError(
                        _(
                            "A requirement gap list belongs to an S&C (C) project "
                            "(PRJ-SC-04)."
                        )
                    )
        return records

    def write(self, vals):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("changed"))
            self._devreq_check_branch(_("change"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_stage(("draft",), _("deleted"))
            self._devreq_check_branch(_("delete"))
        return super().unlink()

    def action_devreq_submit(self):
        for record in self:
            record._scm_check_stage(("draft",), _("sent to MRD"))
            record._devreq_check_branch(_("send"))
            if not record.line_ids:
                raise UserError(
                    _("%(doc)s lists no difference.", doc=record.display_name)
                )
            record._scm_step_write(
                {
                    "state": "submitted",
                    "submitted_date": fields.Datetime.now(),
                    "submitted_by_id": self.env.uid,
                }
            )
        return True

    def action_devreq_verify(self):
        """Requirement staff close the verification: every line checked with
        the branch and, for its feasibility, with the Software Dept."""
        for record in self:
            record._scm_check_stage(("submitted",), _("verified"))
            record._devreq_check_mrd(_("verify"))
            lines = record.sudo().line_ids
            pending = lines.filtered(
                lambda line: not line.branch_verified or not line.software_checked_by_id
            )
            if pending:
                raise UserError(
                    _(
                        "Every difference of %(doc)s must be verified by the "
                        "branch and checked by the Software Dept: %(lines)s.",
                        doc=record.display_name,
                        lines=", ".join(pending.mapped("name")),
                    )
                )
            record._scm_step_write(
                {
                    "state": "verified",
                    "verified_by_id": self.env.uid,
                    "verified_date": fields.Datetime.now(),
                }
            )
        return True

    def action_devreq_create_work(self):
        """MRD or the PM starts the project's development from this list."""
        self.ensure_one()
        work = self.project_id.sudo()._scm_devreq_start_work(self.env.user)
        self._scm_step_write({"dev_work_id": work.id})
        return work._devreq_open_action()

from odoo import _, fields, models
from odoo.exceptions import UserError


class ScmProjectNeed(models.Model):
    """PRJ-UPG-02: MRD tags the run-in customer needs of general significance
    and links them to the upgrade development whose analysis consolidates
    them."""

    _inherit = "scm.project.need"

    devreq_general = fields.Boolean(
        string="General Significance",
        readonly=True,
        tracking=True,
        help="Tagged by MRD as a need of general significance, for an upgrade "
        "(PRJ-UPG-02).",
    )
    devreq_dev_work_id = fields.Many2one(
        "scm.dev.work",
        string="Upgrade Development",
        readonly=True,
        tracking=True,
        domain="[('kind', '=', 'upgrade')]",
    )
    devreq_target_work_id = fields.Many2one(
        "scm.dev.work",
        string="Link to Upgrade",
        domain="[('kind', '=', 'upgrade'), ('stage', 'in', "
        "('req_work_plan', 'research', 'analysis'))]",
        help="The upgrade development the button 'Link to Upgrade' links.",
    )

    def _scm_step_field_names(self):
        return super()._scm_step_field_names() | {
            "devreq_general",
            "devreq_dev_work_id",
        }

    def _devreq_check_mrd(self, action):
        if not self._runin_is_mrd(self.env.user):
            raise UserError(
                _(
                    "Only MRD's requirement staff may %(action)s a customer need.",
                    action=action,
                )
            )

    def write(self, vals):
        if not self.env.su and "devreq_target_work_id" in vals:
            self._devreq_check_mrd(_("link"))
        return super().write(vals)

    def action_devreq_tag_general(self):
        self._devreq_check_mrd(_("tag"))
        for need in self:
            if need.state in ("draft", "submitted"):
                raise UserError(
                    _(
                        "%(doc)s is tagged once MRD received it.",
                        doc=need.display_name,
                    )
                )
        self._scm_step_write({"devreq_general": True})
        return True

    def action_devreq_link_upgrade(self):
        for need in self:
            need._devreq_check_mrd(_("link"))
            work = need.devreq_target_work_id
            if not need.devreq_general:
                raise UserError(
                    _(
                        "Tag %(doc)s as of general significance before linking "
                        "it to an upgrade (PRJ-UPG-02).",
                        doc=need.display_name,
                    )
                )
            if not work or work.kind != "upgrade":
                raise UserError(
                    _("Choose the upgrade development to link (PRJ-UPG-02).")
                )
            need._scm_step_write(
                {"devreq_dev_work_id": work.id, "devreq_target_work_id": False}
            )
        return True

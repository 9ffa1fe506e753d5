from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmDevRequirementTemplate(models.Model):
    """MRD's writing specification of the 《客户需求报告单》 (PRJ-SEC-02):
    issued by MRD with its version; every report keeps the version it was
    written on. A new version is a new template; the old one is archived."""

    _name = "scm.dev.requirement.template"
    _description = "Customer Requirement Report Template"
    _inherit = ["mail.thread"]
    _order = "name, version desc"

    name = fields.Char(required=True, tracking=True)
    version = fields.Char(required=True, tracking=True)
    specification = fields.Text(string="Writing Specification", required=True)
    attachment = fields.Binary(string="Template File", attachment=True)
    attachment_name = fields.Char()
    active = fields.Boolean(default=True)
    used = fields.Boolean(compute="_compute_used")

    _sql_constraints = [
        (
            "name_version_unique",
            "unique(name, version)",
            "A template version is issued once.",
        )
    ]

    @api.depends("name", "version")
    def _compute_display_name(self):
        for template in self:
            template.display_name = f"{template.name or ''} {template.version or ''}"

    def _compute_used(self):
        Report = self.env["scm.dev.requirement.report"].sudo()
        for template in self:
            template.used = bool(
                Report.search_count([("template_id", "=", template.id)], limit=1)
            )

    def _devreq_check_mrd(self):
        user = self.env.user
        if self.env.su or user.has_group("scm_base.group_scm_admin"):
            return
        if not user._scm_is_member_of_unit(self.env.ref("scm_base.dept_mrd")):
            raise UserError(
                _("Only MRD issues the customer requirement report template.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._devreq_check_mrd()
        return super().create(vals_list)

    def write(self, vals):
        self._devreq_check_mrd()
        if set(vals) - {"active"} and any(t.used for t in self):
            raise UserError(
                _(
                    "A template already used by a report is kept as issued: "
                    "issue a new version instead."
                )
            )
        return super().write(vals)

    def unlink(self):
        self._devreq_check_mrd()
        if any(t.used for t in self):
            raise UserError(_("A template already used by a report is kept."))
        return super().unlink()

from odoo import _, api, fields, models


class ScmServiceBulletinLine(models.Model):
    """One typical issue of the monthly bulletin: the problem a branch
    escalated and HQ's solution (SVC-HQ-03)."""

    _name = "scm.service.bulletin.line"
    _description = "Typical Issue"
    _order = "bulletin_id, sequence, id"

    bulletin_id = fields.Many2one(
        "scm.service.bulletin", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    escalation_id = fields.Many2one("scm.service.escalation", ondelete="set null")
    branch_id = fields.Many2one(
        related="escalation_id.company_id", string="Branch", compute_sudo=True
    )
    category_id = fields.Many2one(
        related="escalation_id.category_id", string="Category", compute_sudo=True
    )
    subject = fields.Char(required=True)
    problem = fields.Text(required=True)
    solution = fields.Text(string="Solution and Techniques")

    def _scm_check_bulletin(self, bulletins):
        if not self.env.su:
            bulletins._scm_check_mcd(_("change"))
            bulletins._scm_check_draft()

    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_bulletin(
            self.env["scm.service.bulletin"].browse(
                {vals["bulletin_id"] for vals in vals_list if vals.get("bulletin_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._scm_check_bulletin(self.bulletin_id)
        return super().write(vals)

    def unlink(self):
        self._scm_check_bulletin(self.bulletin_id)
        return super().unlink()

    @api.depends("bulletin_id", "subject")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " · ".join(
                part for part in (line.bulletin_id.display_name, line.subject) if part
            )

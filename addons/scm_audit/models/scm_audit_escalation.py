from odoo import api, fields, models

from .scm_audit_finding import LEVELS


class ScmAuditEscalation(models.Model):
    """A level of the escalation ladder given to a finding (AUD-ESC-01):
    when, by whom, why, and the assessment entries it wrote. Written only by
    the finding's steps; never edited or deleted, so the 《稽核报告单》
    prints every level the person received."""

    _name = "scm.audit.escalation"
    _description = "Escalation Level Given"
    _order = "id"

    finding_id = fields.Many2one(
        "scm.audit.finding",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="finding_id.company_id", store=True, index=True
    )
    audited_user_id = fields.Many2one(
        related="finding_id.audited_user_id", store=True, string="Person"
    )
    level = fields.Selection(LEVELS, required=True, readonly=True)
    reason = fields.Text(readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Datetime(
        string="Decided On", readonly=True, default=fields.Datetime.now
    )
    assessment_entry_ids = fields.Many2many(
        "scm.assessment.entry", string="Assessment Entries", readonly=True
    )

    @api.depends("finding_id", "level")
    def _compute_display_name(self):
        labels = dict(self._fields["level"]._description_selection(self.env))
        for line in self:
            line.display_name = " · ".join(
                p for p in (line.finding_id.display_name, labels.get(line.level)) if p
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise self.env["scm.audit.finding"]._scm_step_only_error()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise self.env["scm.audit.finding"]._scm_step_only_error()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise self.env["scm.audit.finding"]._scm_step_only_error()

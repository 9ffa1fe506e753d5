from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .runin_tools import fill_project_from_parent


class ScmProjectRuninIssue(models.Model):
    """A non-compliance seen on site; a serious one is reported to the PM,
    who may escalate it to the customer's project lead (PRJ-RUN-02)."""

    _name = "scm.project.runin.issue"
    _description = "Run-in On-site Issue"
    _inherit = ["scm.project.document.mixin"]
    _order = "id"
    _scm_step_fields = (
        "pm_notified",
        "escalated",
        "escalated_by_id",
        "escalated_date",
        "escalated_to",
    )

    monitoring_id = fields.Many2one(
        "scm.project.runin.monitoring",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(string="Issue Found", required=True)
    serious = fields.Boolean(help="May have serious effects: reported to the PM.")
    pointed_out = fields.Boolean(string="Pointed Out to the Operator", default=True)
    pm_notified = fields.Boolean(string="PM Notified", readonly=True)
    escalated = fields.Boolean(string="Escalated to the Customer", readonly=True)
    escalated_to = fields.Char(string="Customer Project Lead", readonly=True)
    escalated_by_id = fields.Many2one("res.users", readonly=True)
    escalated_date = fields.Datetime(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        fill_project_from_parent(self, vals_list, "monitoring_id")
        issues = super().create(vals_list)
        if not self.env.su:
            issues.monitoring_id._scm_check_project_worker(_("record an issue on"))
        issues.filtered("serious")._runin_notify_pm()
        return issues

    def write(self, vals):
        if not self.env.su and set(vals) & {"name", "serious", "pointed_out"}:
            self.monitoring_id._scm_check_project_worker(_("change"))
        result = super().write(vals)
        if vals.get("serious"):
            self.filtered(lambda i: i.serious and not i.pm_notified)._runin_notify_pm()
        return result

    def unlink(self):
        if not self.env.su:
            self.monitoring_id._scm_check_project_worker(_("delete an issue of"))
            if any(issue.pm_notified or issue.escalated for issue in self):
                raise UserError(
                    _("An issue reported to the PM or the customer stays on record.")
                )
        return super().unlink()

    def _runin_notify_pm(self):
        for issue in self:
            monitoring = issue.monitoring_id
            pm = monitoring.project_id.sudo().user_id
            self.env["scm.notice"]._scm_send(
                monitoring,
                _("Serious issue on site: %(issue)s", issue=issue.name),
                Markup("<p>%s</p><p>%s</p>")
                % (escape(monitoring.project_id.sudo().display_name), issue.name),
                pm.partner_id,
            )
            issue._scm_step_write({"pm_notified": True})

    def action_escalate(self, customer_lead=None):
        """The PM notifies the customer's project lead of a serious issue;
        the escalation is logged."""
        for issue in self:
            issue._scm_check_pm(_("escalate"))
            if not issue.serious:
                raise UserError(_("Only a serious issue is escalated to the customer."))
            if issue.escalated:
                raise UserError(_("This issue was already escalated."))
            lead = customer_lead or issue.partner_id.sudo().name
            issue._scm_step_write(
                {
                    "escalated": True,
                    "escalated_to": lead,
                    "escalated_by_id": self.env.user.id,
                    "escalated_date": fields.Datetime.now(),
                }
            )
            issue.monitoring_id.sudo().message_post(
                body=_(
                    "Serious issue %(issue)s escalated to the customer's project "
                    "lead %(lead)s by %(pm)s (PRJ-RUN-02).",
                    issue=issue.name,
                    lead=lead,
                    pm=self.env.user.name,
                )
            )
        return True

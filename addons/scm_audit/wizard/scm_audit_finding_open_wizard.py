from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.scm_audit_finding import LEVELS

# Odoo records the Audit Dept inspects besides the suite's own documents.
AUDITED_ODOO_MODELS = (
    "res.partner",
    "crm.lead",
    "project.project",
    "project.task",
    "project.milestone",
    "helpdesk.ticket",
    "hr.course.schedule",
)


class ScmAuditFindingOpenWizard(models.TransientModel):
    """Open a finding on any record (AUD-CTR-04: the Audit Dept inspects the
    business processes at any time): "Open Audit Finding" in the Action menu
    of every document of the suite. The finding joins the draft report of
    the month of the record's unit."""

    _name = "scm.audit.finding.open.wizard"
    _description = "Open an Audit Finding"

    res_model = fields.Char(string="Record Model", required=True, readonly=True)
    res_id = fields.Integer(string="Record ID", required=True, readonly=True)
    res_name = fields.Char(string="Record", compute="_compute_res_name")
    company_id = fields.Many2one("res.company", string="Audited Branch", required=True)
    department_id = fields.Many2one("hr.department", string="Audited Department")
    audited_user_id = fields.Many2one("res.users", string="Person", required=True)
    rule_code = fields.Char(string="Rule", required=True)
    title = fields.Char(string="Finding", required=True)
    description = fields.Text(string="Facts and Evidence", required=True)
    level = fields.Selection(LEVELS[:2], required=True, default="1")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        record_id = self.env.context.get("active_id")
        if model in self.env and isinstance(record_id, int):
            record = self.env[model].browse(record_id).exists()
            if record:
                values.setdefault("res_model", model)
                values.setdefault("res_id", record.id)
                if "company_id" in record._fields and record.company_id:
                    values.setdefault("company_id", record.company_id.id)
                if "user_id" in record._fields and record.user_id:
                    values.setdefault("audited_user_id", record.user_id.id)
        return values

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for wizard in self:
            record = wizard._scm_record()
            wizard.res_name = record.display_name if record else False

    def _scm_record(self):
        self.ensure_one()
        if self.res_model not in self.env or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id).exists() or None

    def action_open(self):
        self.ensure_one()
        Finding = self.env["scm.audit.finding"]
        Finding._scm_check_auditor(_("open a finding"))
        record = self._scm_record()
        if record is None:
            raise UserError(_("The record does not exist."))
        record.check_access("read")
        report = self.env["scm.audit.report"]._scm_draft_for(
            self.company_id, self.department_id
        )
        finding = Finding.create(
            {
                "report_id": report.id,
                "title": self.title,
                "description": self.description,
                "rule_code": self.rule_code,
                "audited_user_id": self.audited_user_id.id,
                "level": self.level,
                "res_model": record._name,
                "res_id": record.id,
            }
        )
        return Finding._scm_form(finding._name, finding.id)

    @api.model
    def _scm_audited_models(self):
        names = [
            name
            for name, model in self.env.registry.items()
            if (name.startswith("scm.") or name in AUDITED_ODOO_MODELS)
            and not model._abstract
            and not model._transient
            and not name.startswith("scm.audit.")
        ]
        return self.env["ir.model"].sudo().search([("model", "in", names)])

    @api.model
    def _scm_sync_bindings(self):
        """ "Open Audit Finding" in the Action menu of every audited model, for
        the Audit Dept and the Supervision Center only. Run at each install
        and update, so a model a later addon adds gets it too."""
        Action = self.env["ir.actions.act_window"].sudo()
        template = self.env.ref("scm_audit.action_scm_audit_finding_open_wizard")
        bound = Action.search(
            [("res_model", "=", self._name), ("binding_model_id", "!=", False)]
        )
        have = set(bound.mapped("binding_model_id.model"))
        for model in self._scm_audited_models():
            if model.model in have:
                continue
            template.copy(
                {
                    "binding_model_id": model.id,
                    "binding_type": "action",
                    "binding_view_types": "form,list",
                }
            )

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ScmProjectRuninMonitoring(models.Model):
    """On-site follow-up at the start of the run-in: the consultant watches
    the operators for at least 1 day (2 recommended) and points out
    non-compliance at once (PRJ-RUN-02)."""

    _name = "scm.project.runin.monitoring"
    _description = "Run-in On-site Monitoring"
    _inherit = ["mail.thread", "scm.project.document.mixin"]
    _order = "date_from desc, id desc"
    _scm_step_fields = ("consultant_id", "days_warning")

    name = fields.Char(
        string="Subject", required=True, default=lambda self: _("On-site monitoring")
    )
    consultant_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date_from = fields.Date(
        string="On Site From", required=True, default=fields.Date.context_today
    )
    days_on_site = fields.Float(string="Days on Site", required=True, default=2.0)
    days_warning = fields.Boolean(
        string="Fewer Than 2 Days",
        compute="_compute_days_warning",
        store=True,
        help="PRJ-RUN-02: at least 1 day, 2 recommended.",
    )
    observations = fields.Text(
        help="Software operation, document flow, job-responsibility norms."
    )
    issue_ids = fields.One2many(
        "scm.project.runin.issue", "monitoring_id", string="Issues"
    )
    serious_count = fields.Integer(compute="_compute_serious_count")

    @api.depends("days_on_site")
    def _compute_days_warning(self):
        for record in self:
            record.days_warning = record.days_on_site < 2

    @api.depends("issue_ids.serious")
    def _compute_serious_count(self):
        for record in self:
            record.serious_count = len(record.issue_ids.filtered("serious"))

    @api.constrains("days_on_site")
    def _check_days(self):
        for record in self:
            if record.days_on_site < 1:
                raise ValidationError(
                    _("On-site monitoring lasts at least 1 day (PRJ-RUN-02).")
                )

    @api.model_create_multi
    def create(self, vals_list):
        # The issues come once the record and its followers exist: a serious
        # one posts its notice on the record.
        issue_commands = [vals.pop("issue_ids", None) for vals in vals_list]
        records = super().create(vals_list)
        if not self.env.su:
            for record in records:
                record.project_id.sudo()._scm_check_phase(
                    ("runin",), _("given on-site monitoring")
                )
                record._scm_check_project_worker(_("record"))
        for record, commands in zip(records, issue_commands, strict=True):
            if commands:
                record.write({"issue_ids": commands})
        return records

    def write(self, vals):
        if not self.env.su and set(vals) - {"message_follower_ids"}:
            self._scm_check_project_worker(_("change"))
        return super().write(vals)

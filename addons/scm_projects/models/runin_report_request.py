from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmProjectReportRequest(models.Model):
    """A statistical report the customer asks for during the run-in: free
    within the contract's one-time quota (PRJ-RUN-09, the table is the
    contract's `free_report_quota`), charged otherwise."""

    _name = "scm.project.report.request"
    _description = "Run-in Statistical Report Request"
    _inherit = ["mail.thread", "scm.project.document.mixin"]
    _order = "id desc"
    _scm_step_fields = (
        "state",
        "request_date",
        "requested_by_id",
        "delivered_date",
        "free_count",
        "quota",
    )

    name = fields.Char(string="Report", required=True, tracking=True)
    description = fields.Text(string="What the Customer Asks For")
    charge_type = fields.Selection(
        [("free", "Free (Run-in Quota)"), ("charged", "Charged")],
        string="Charging",
        required=True,
        default="free",
        tracking=True,
    )
    request_date = fields.Date(
        string="Requested On",
        default=fields.Date.context_today,
        readonly=True,
        help="The server's day of the request: the quota is used within the "
        "run-in only.",
    )
    requested_by_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("delivered", "Delivered"),
            ("cancelled", "Cancelled"),
        ],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    delivered_date = fields.Date(string="Delivered On", readonly=True)
    free_count = fields.Integer(
        compute="_compute_free_count",
        store=True,
        string="Free Reports",
        aggregator="sum",
    )
    quota = fields.Integer(
        related="project_id.scm_contract_id.free_report_quota",
        store=True,
        string="Free Quota",
        aggregator="max",
    )

    @api.depends("charge_type", "state")
    def _compute_free_count(self):
        for request in self:
            request.free_count = int(
                request.charge_type == "free" and request.state != "cancelled"
            )

    # -- PRJ-RUN-09 --------------------------------------------------------------
    def _runin_check_free(self, becoming_free=False):
        """Refuse a free request outside the run-in or beyond the quota
        (`becoming_free`: checked before a charged request turns free)."""
        for request in self.filtered(
            lambda r: (
                (becoming_free or r.charge_type == "free") and r.state != "cancelled"
            )
        ):
            project = request.project_id.sudo()
            # One request at a time per project: the count below is exact.
            self.env.cr.execute(
                "SELECT id FROM project_project WHERE id = %s FOR UPDATE",
                [project.id],
            )
            day = request.request_date
            if (
                project.scm_phase != "runin"
                or not project.scm_runin_start
                or day < project.scm_runin_start
                or project._scm_runin_ended(day)
            ):
                raise UserError(
                    _(
                        "%(project)s is not in its free run-in on %(day)s (run-in "
                        "%(start)s to %(end)s): the report can only be recorded "
                        "as charged (PRJ-RUN-09).",
                        project=project.display_name,
                        day=day,
                        start=project.scm_runin_start or "-",
                        end=project.scm_runin_end or "-",
                    )
                )
            quota = project.scm_contract_id.free_report_quota
            if quota < 0:
                continue
            used = self.sudo().search_count(
                [
                    ("project_id", "=", project.id),
                    ("charge_type", "=", "free"),
                    ("state", "!=", "cancelled"),
                    ("id", "!=", request.id),
                ]
            )
            if used >= quota:
                raise UserError(
                    _(
                        "The contract of %(project)s grants %(quota)s free "
                        "statistical reports in the run-in and %(used)s are "
                        "used: this report can only be recorded as charged "
                        "(PRJ-RUN-09).",
                        project=project.display_name,
                        quota=quota,
                        used=used,
                    )
                )

    def _runin_check_worker(self, action):
        for request in self:
            if not request.project_id.sudo()._scm_is_worker(self.env.user):
                raise UserError(
                    _(
                        "Only the project team, the branch manager or MCD may "
                        "%(action)s %(doc)s.",
                        action=action,
                        doc=request.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        if not self.env.su:
            requests._runin_check_worker(_("record"))
        requests._runin_check_free()
        return requests

    def write(self, vals):
        if not self.env.su and set(vals) & {"name", "description", "charge_type"}:
            self._runin_check_worker(_("change"))
            if any(r.state != "requested" for r in self):
                raise UserError(_("Only a pending report request can be changed."))
        if vals.get("charge_type") == "free":
            self.filtered(lambda r: r.charge_type != "free")._runin_check_free(
                becoming_free=True
            )
        return super().write(vals)

    def action_deliver(self):
        self._runin_check_worker(_("deliver"))
        for request in self:
            if request.state != "requested":
                raise UserError(_("Only a pending report request can be delivered."))
            request._scm_step_write(
                {
                    "state": "delivered",
                    "delivered_date": fields.Date.context_today(request),
                }
            )
        return True

    def action_cancel(self):
        self._runin_check_worker(_("cancel"))
        for request in self:
            if request.state != "requested":
                raise UserError(_("Only a pending report request can be cancelled."))
            request._scm_step_write({"state": "cancelled"})
        return True

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ScmServiceBulletin(models.Model):
    """The monthly typical-issues bulletin (典型问题汇编, FORMS.md 111;
    SVC-HQ-03): MCD's consultants or the TSMS compile the typical problems
    the branches escalated in a calendar month, with their solutions, and
    send them to every active branch. One per month; a month that ended
    without its bulletin distributed is flagged (scm.service.bulletin.month)."""

    _name = "scm.service.bulletin"
    _description = "Monthly Typical-Issues Bulletin"
    _inherit = ["mail.thread", "scm.step.guard.mixin", "scm.distribution.mixin"]
    _order = "month desc, id desc"
    _scm_step_fields = ("name", "state", "distributed_date", "distributed_by_id")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    month = fields.Date(
        required=True,
        index=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="The calendar month (its first day) whose typical escalations "
        "the bulletin gathers.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Issued By",
        required=True,
        default=lambda self: self.env["res.company"]._scm_hq(),
    )
    author_id = fields.Many2one(
        "res.users",
        string="Compiled By",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("distributed", "Distributed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    introduction = fields.Text()
    line_ids = fields.One2many(
        "scm.service.bulletin.line", "bulletin_id", string="Typical Issues"
    )
    line_count = fields.Integer(compute="_compute_line_count", string="Issues")
    distributed_date = fields.Datetime(
        string="Distributed On", readonly=True, copy=False
    )
    distributed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        ("month_unique", "unique(month)", "A month has one typical-issues bulletin.")
    ]

    @api.depends("line_ids")
    def _compute_line_count(self):
        for bulletin in self:
            bulletin.line_count = len(bulletin.line_ids)

    @api.depends("month")
    def _compute_display_name(self):
        for bulletin in self:
            month = bulletin.month and bulletin.month.strftime("%Y-%m") or ""
            bulletin.display_name = _("Typical-Issues Bulletin %(month)s", month=month)

    # -- guard ---------------------------------------------------------------------
    def _scm_check_mcd(self, action):
        if not self.env["helpdesk.ticket.category"]._scm_is_mcd(self.env.user):
            raise UserError(
                _(
                    "Only MCD's consultants, its manager or the TSMS may "
                    "%(action)s a typical-issues bulletin.",
                    action=action,
                )
            )

    def _scm_check_draft(self):
        for bulletin in self:
            if bulletin.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s was distributed: it no longer changes.",
                        doc=bulletin.display_name,
                    )
                )

    @staticmethod
    def _scm_first_of_month(vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._scm_check_mcd(_("write"))
        for vals in vals_list:
            self._scm_first_of_month(vals)
        bulletins = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for bulletin in bulletins:
            bulletin._scm_step_write(
                {"name": sequence.next_by_code("scm.service.bulletin") or "/"}
            )
        return bulletins

    def write(self, vals):
        if not self.env.su:
            self._scm_check_mcd(_("change"))
            self._scm_check_draft()
        self._scm_first_of_month(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_mcd(_("delete"))
            self._scm_check_draft()
        return super().unlink()

    # -- steps -------------------------------------------------------------------
    def _scm_typical_escalations(self):
        self.ensure_one()
        return (
            self.env["scm.service.escalation"]
            .sudo()
            .search(
                [
                    ("is_typical", "=", True),
                    ("bulletin_month", "=", self.month),
                ],
                order="received_date, id",
            )
        )

    def action_fill(self):
        """Gather the escalations of the month marked typical, with their
        solutions (SVC-HQ-03); lines already there stay."""
        self.check_access("read")
        self._scm_check_mcd(_("fill"))
        self._scm_check_draft()
        Line = self.env["scm.service.bulletin.line"].sudo()
        for bulletin in self:
            present = bulletin.sudo().line_ids.escalation_id
            Line.create(
                [
                    {
                        "bulletin_id": bulletin.id,
                        "escalation_id": escalation.id,
                        "subject": escalation.subject,
                        "problem": escalation.description,
                        "solution": escalation.feedback,
                    }
                    for escalation in bulletin._scm_typical_escalations() - present
                ]
            )
        return True

    def _scm_distribution_list(self):
        branches = (
            self.env["res.company"]
            .sudo()
            .search([("scm_unit_type", "=", "branch")], order="id")
        )
        return [
            {"recipient_company_id": branch.id, "copy_type": "copy"}
            for branch in branches
        ]

    def action_distribute(self):
        """Send the bulletin to every active branch, with a written notice to
        each Branch Manager."""
        self.check_access("read")
        self._scm_check_mcd(_("distribute"))
        for bulletin in self:
            bulletin._scm_check_draft()
            if not bulletin.line_ids and not (bulletin.introduction or "").strip():
                raise UserError(
                    _(
                        "%(doc)s lists no typical issue: fill it, or say in its "
                        "introduction that the month had none.",
                        doc=bulletin.display_name,
                    )
                )
            lines = bulletin._scm_distribute()
            bulletin._scm_step_write(
                {
                    "state": "distributed",
                    "distributed_date": fields.Datetime.now(),
                    "distributed_by_id": self.env.user.id,
                }
            )
            managers = lines.recipient_company_id.scm_manager_id
            self.env["scm.notice"]._scm_send(
                bulletin,
                bulletin.display_name,
                Markup("<p>%s</p>")
                % _(
                    "%(count)s typical issues of %(month)s with their solutions.",
                    count=len(bulletin.line_ids),
                    month=bulletin.month.strftime("%Y-%m"),
                ),
                managers.partner_id,
            )
        return True

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "scm_service.action_report_scm_service_bulletin"
        ).report_action(self)

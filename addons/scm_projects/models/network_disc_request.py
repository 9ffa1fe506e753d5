from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

DISC_DEADLINE = "PRJ-SC-06"
CONTENT_FIELDS = {"disc_type", "quantity", "requirements", "due_date"}


class ScmProjectDiscRequest(models.Model):
    """A project's request for practice or product discs (练习盘/产品盘) to
    Customer Center MCD (PRJ-SC-06): the branch asks with a due date, the
    MCD manager owes the discs by then, the delivery is recorded and a late
    one is flagged. The full SVC-DISC procedure (pressing request, TSMS
    forwarding, approval, receipts) comes with scm_service."""

    _name = "scm.project.disc.request"
    _description = "Project Disc Request"
    _inherit = ["mail.thread", "scm.deadline.mixin", "scm.project.document.mixin"]
    _order = "due_date desc, id desc"
    _scm_step_fields = (
        "name",
        "state",
        "requested_by_id",
        "requested_date",
        "delivered_date",
        "delivered_by_id",
        "delivered_late",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Requested from MCD"),
            ("delivered", "Delivered"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    disc_type = fields.Selection(
        [("practice", "Practice Disc"), ("product", "Product Disc")],
        required=True,
        default="practice",
        tracking=True,
    )
    quantity = fields.Integer(default=1, required=True)
    requirements = fields.Text()
    due_date = fields.Date(required=True, tracking=True)
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    requested_date = fields.Datetime(string="Requested On", readonly=True, copy=False)
    delivered_date = fields.Date(string="Delivered On", readonly=True, copy=False)
    delivered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    delivered_late = fields.Boolean(readonly=True, copy=False, index=True)
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Delivered after the due date, or still owed after it (PRJ-SC-06).",
    )

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive.")
    ]

    @api.depends("state", "due_date", "delivered_late")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_late = request.delivered_late or (
                request.state == "requested"
                and bool(request.due_date)
                and request.due_date < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on late disc requests."))
        today = fields.Date.context_today(self)
        domain = [
            "|",
            ("delivered_late", "=", True),
            "&",
            ("state", "=", "requested"),
            ("due_date", "<", today),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    # -- guard ---------------------------------------------------------------------
    def _scm_check_requester(self, action):
        self._scm_check_project_worker(action)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            projects.check_access("read")
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project team, the branch manager or MCD may "
                            "request discs for %(doc)s.",
                            doc=project.display_name,
                        )
                    )
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for request in requests:
            request._scm_step_write(
                {"name": sequence.next_by_code("scm.project.disc.request") or "/"}
            )
        return requests

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_requester(_("change"))
            if vals.keys() & CONTENT_FIELDS and self.filtered(
                lambda r: r.state != "draft"
            ):
                raise UserError(_("A disc request sent to MCD no longer changes."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_requester(_("delete"))
            if self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    _("A disc request sent to MCD is cancelled, not deleted.")
                )
        return super().unlink()

    # -- steps -------------------------------------------------------------------
    def action_request(self):
        """Send the request to MCD: its manager owes the discs by the due
        date (PRJ-SC-06)."""
        self.check_access("read")
        today = fields.Date.context_today(self)
        for request in self:
            request._scm_check_requester(_("send"))
            if request.state != "draft":
                raise UserError(
                    _("%(doc)s was already sent.", doc=request.display_name)
                )
            if request.due_date < today:
                raise UserError(_("The due date of the discs cannot be in the past."))
            mcd = request.project_id.sudo()._scm_mcd_manager()
            request._scm_step_write(
                {
                    "state": "requested",
                    "requested_by_id": self.env.user.id,
                    "requested_date": fields.Datetime.now(),
                }
            )
            # Counted from today (noon in China) to the due date.
            start = datetime.combine(today, time(4, 0))
            request._scm_deadline_open(
                DISC_DEADLINE,
                _("Deliver the discs of %(doc)s", doc=request.display_name),
                mcd,
                (request.due_date - today).days,
                unit="calendar_days",
                start=start,
            )
        return True

    def _scm_check_mcd(self, action):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_mcd_manager")
            or user.has_group("scm_base.group_tsms")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise UserError(
                _(
                    "Only Customer Center MCD (its manager or the TSMS) may "
                    "%(action)s a disc request.",
                    action=action,
                )
            )

    def action_deliver(self, delivered_date=None):
        """MCD records the delivery; after the due date it is flagged late."""
        self.check_access("read")
        self._scm_check_mcd(_("record the delivery of"))
        today = fields.Date.context_today(self)
        delivered = fields.Date.to_date(delivered_date) or today
        if delivered > today:
            raise UserError(_("A delivery cannot be recorded in the future."))
        for request in self:
            if request.state != "requested":
                raise UserError(
                    _("%(doc)s is not awaiting delivery.", doc=request.display_name)
                )
            if request.requested_date and delivered < fields.Date.context_today(
                request, request.requested_date
            ):
                raise UserError(
                    _("The discs cannot be delivered before they were requested.")
                )
            late = delivered > request.due_date
            request._scm_step_write(
                {
                    "state": "delivered",
                    "delivered_date": delivered,
                    "delivered_by_id": self.env.user.id,
                    "delivered_late": late,
                }
            )
            request._scm_deadline_close(DISC_DEADLINE)
            if late:
                request.sudo().message_post(
                    body=_(
                        "Delivered on %(date)s, after the due date %(due)s "
                        "(PRJ-SC-06).",
                        date=delivered,
                        due=request.due_date,
                    )
                )
        return True

    def action_cancel(self):
        self.check_access("read")
        for request in self:
            request._scm_check_requester(_("cancel"))
            if request.state not in ("draft", "requested"):
                raise UserError(
                    _("%(doc)s can no longer be cancelled.", doc=request.display_name)
                )
            request._scm_step_write({"state": "cancelled"})
            request._scm_deadline_cancel(DISC_DEADLINE)
        return True

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.scm_contracts.models.scm_contract import IN_FORCE

# Contracts under which service is "contract service" (PRJ-TS-01,
# SVC-SCOPE-01): Tech Service (J) and Secondary (R).
SERVICE_CONTRACT_TYPES = ("tech_service", "secondary")
CONTENT_FIELDS = {
    "service_user_id",
    "visit_date",
    "problem",
    "work_done",
    "hours",
    "time_billed",
}


class ScmProjectWorkOrder(models.Model):
    """《现场服务工作单》, the On-site Service Work Order (PRJ-TS-02).

    Branch or MCD service staff fill it in when they go on site to solve a
    customer's problem; the customer signs it; one copy goes to the
    department manager (the branch manager, or the MCD manager for HQ
    staff) and one into the customer's archive at the branch. The on-site
    visit is closed only with the customer's signature, and only
    customer-signed work orders count in the service-performance statistics
    (PRJ-TS-03).

    Service is given under the project's valid J/R contract, otherwise the
    work order is flagged "non-contract (time-billed)" (PRJ-TS-01). The full
    service desk comes with scm_service."""

    _name = "scm.project.work.order"
    _description = "On-site Service Work Order"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.distribution.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
    ]
    _order = "visit_date desc, id desc"
    _scm_step_fields = ("name", "state", "closed_date", "closed_by_id")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed by the Customer"),
            ("closed", "Visit Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    service_user_id = fields.Many2one(
        "res.users",
        string="Service Staff",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    visit_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    problem = fields.Text(string="Problem Reported", required=True)
    work_done = fields.Text()
    hours = fields.Float(string="Hours on Site", aggregator="sum")
    time_billed = fields.Boolean(
        string="Non-contract (Time-billed)",
        tracking=True,
        help="Service outside a valid Tech Service or Secondary contract is "
        "billed by time (PRJ-TS-01, SVC-SCOPE-01).",
    )
    contract_service = fields.Boolean(
        compute="_compute_contract_service",
        help="The project's Tech Service or Secondary contract is in force.",
    )
    closed_date = fields.Date(string="Visit Closed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("project_id")
    def _compute_contract_service(self):
        for order in self:
            order.contract_service = order._scm_contract_in_force()

    def _scm_contract_in_force(self):
        self.ensure_one()
        contract = self.sudo().project_id.scm_contract_id
        return bool(
            contract
            and contract.contract_type in SERVICE_CONTRACT_TYPES
            and contract.stage in IN_FORCE
        )

    # -- constraints ----------------------------------------------------------
    @api.constrains("project_id", "time_billed")
    def _check_service_basis(self):
        """PRJ-TS-01: a valid J/R contract, or the time-billed flag."""
        for order in self:
            if not order.time_billed and not order._scm_contract_in_force():
                raise ValidationError(
                    _(
                        "%(project)s has no Tech Service or Secondary contract in "
                        "force: flag the work order as non-contract "
                        "(time-billed) (PRJ-TS-01).",
                        project=order.project_id.sudo().display_name,
                    )
                )

    @api.constrains("hours", "visit_date")
    def _check_hours_and_date(self):
        for order in self:
            if order.hours < 0 or order.hours > 24:
                raise ValidationError(
                    _("The hours on site are between 0 and 24 for one visit.")
                )
            if order.visit_date and order.visit_date > fields.Date.context_today(order):
                raise ValidationError(
                    _("An on-site visit is recorded once it happened.")
                )

    # -- roles -------------------------------------------------------------------
    def _scm_may_serve(self, project, user):
        """Service staff of the project: its team, the branch manager or MCD
        (see the project), the branch's customer service staff, or the MCD
        TSMS."""
        project = project.sudo()
        return (
            project._scm_is_worker(user)
            or (
                user.has_group("scm_base.group_service_staff")
                and user._scm_is_member_of_company(project.company_id)
            )
            or user.has_group("scm_base.group_tsms")
        )

    def _scm_check_server(self, project, user, who):
        if not self._scm_may_serve(project, user):
            raise UserError(
                _(
                    "%(user)s is not service staff of %(project)s (its branch or "
                    "MCD) and cannot %(who)s its on-site service work orders.",
                    user=user.name,
                    project=project.sudo().display_name,
                    who=who,
                )
            )

    def _scm_check_editor(self, action):
        user = self.env.user
        for order in self:
            if (
                user != order.service_user_id
                and not order.project_id.sudo()._scm_is_worker(user)
            ):
                raise UserError(
                    _(
                        "Only the service staff of %(doc)s or the project team may "
                        "%(action)s it.",
                        doc=order.display_name,
                        action=action,
                    )
                )

    # -- CRUD ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            Project = self.env["project.project"]
            for vals in vals_list:
                project = Project.browse(vals.get("project_id")).exists()
                if not project:
                    continue
                project.check_access("read")
                self._scm_check_server(project, self.env.user, _("fill in"))
                server = self.env["res.users"].browse(
                    vals.get("service_user_id") or self.env.user.id
                )
                self._scm_check_server(project, server, _("be named on"))
                if (
                    project.sudo().scm_contract_type == "tech_service"
                    and project.sudo().scm_phase != "service"
                ):
                    raise UserError(
                        _(
                            "%(project)s gives service once its initiation "
                            "notice is issued (phase Customer Service).",
                            project=project.sudo().display_name,
                        )
                    )
        orders = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for order in orders:
            order._scm_step_write(
                {"name": sequence.next_by_code("scm.project.work.order") or "/"}
            )
        return orders

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_editor(_("change"))
            if vals.keys() & CONTENT_FIELDS and self.filtered(
                lambda o: o.state != "draft"
            ):
                raise UserError(
                    _(
                        "The customer signed the work order: its content no "
                        "longer changes."
                    )
                )
            if vals.get("service_user_id"):
                server = self.env["res.users"].browse(vals["service_user_id"])
                for order in self:
                    self._scm_check_server(order.project_id, server, _("be named on"))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_editor(_("delete"))
            if self.filtered(lambda o: o.state != "draft"):
                raise UserError(_("A signed work order is never deleted."))
        return super().unlink()

    # -- customer signature (PRJ-TS-02) ----------------------------------------------
    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._scm_check_editor(_("record the customer's signature on"))

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%(doc)s is already signed.", doc=self.display_name))
        if not (self.work_done or "").strip() or self.hours <= 0:
            raise UserError(
                _(
                    "Write the work done and the hours on site before the "
                    "customer signs %(doc)s.",
                    doc=self.display_name,
                )
            )

    def _scm_customer_sign_earliest(self):
        self.ensure_one()
        return self.visit_date

    def _scm_on_customer_signed(self):
        self._scm_step_write({"state": "signed"})
        self._scm_distribute()

    def _scm_department_manager(self):
        """The manager of the service staff's department: the MCD manager for
        HQ staff, the branch manager for a branch's staff."""
        self.ensure_one()
        hq = self.env["res.company"]._scm_hq()
        server_company = self.service_user_id.sudo().company_id
        if server_company == hq or self.company_id == hq:
            return self.project_id.sudo()._scm_mcd_manager()
        return self.company_id.sudo().scm_manager_id

    def _scm_distribution_list(self):
        """PRJ-TS-02: one copy to the department manager, one into the
        customer's archive kept by the project's branch."""
        self.ensure_one()
        manager = self._scm_department_manager()
        lines = []
        if manager:
            lines.append({"recipient_user_id": manager.id, "copy_type": "copy"})
        else:
            lines.append(
                {"recipient_company_id": self.company_id.id, "copy_type": "copy"}
            )
        lines.append(
            {
                "recipient_partner_id": self.partner_id.id,
                "recipient_company_id": self.company_id.id,
                "copy_type": "copy",
            }
        )
        return lines

    # -- steps -----------------------------------------------------------------------
    def action_close_visit(self):
        """Close the on-site visit: only with the customer's signature
        (PRJ-TS-02)."""
        self.check_access("read")
        for order in self:
            order._scm_check_editor(_("close"))
            if order.state == "closed":
                raise UserError(_("%(doc)s is already closed.", doc=order.display_name))
            if not order.customer_signed_date:
                raise UserError(
                    _(
                        "The on-site visit of %(doc)s closes only with the "
                        "work order signed by the customer (PRJ-TS-02).",
                        doc=order.display_name,
                    )
                )
            order._scm_step_write(
                {
                    "state": "closed",
                    "closed_date": fields.Date.context_today(order),
                    "closed_by_id": self.env.user.id,
                }
            )
        return True

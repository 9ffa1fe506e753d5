from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .scm_contract import check_numeric_input

TRIGGERS = [
    ("date", "On a Date"),
    ("signature", "On Signature"),
    ("go_live", "On Going Live"),
    ("acceptance", "On Implementation Acceptance"),
    ("runin_end", "At the End of the Run-in"),
    ("other", "Other Event"),
]


class ScmContractMilestone(models.Model):
    """A payment the contract schedules: its amount and its due date or the
    event that makes it due; Finance collects it once the contract is
    effective (CON-SC-08)."""

    _name = "scm.contract.milestone"
    _description = "Contract Payment Milestone"
    # No step fields: the guard keeps the milestone on contracts the user may
    # see and refuses branch moves.
    _inherit = ["scm.step.guard.mixin"]
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Milestone", required=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    contract_type = fields.Selection(related="contract_id.contract_type", store=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    amount = fields.Monetary(required=True)
    trigger = fields.Selection(TRIGGERS, required=True, default="date")
    due_date = fields.Date(
        help="Fixed date, or the date the triggering event happened.",
    )
    payment_ids = fields.One2many("scm.contract.payment", "milestone_id")
    amount_received = fields.Monetary(
        string="Received", compute="_compute_amounts", store=True
    )
    amount_outstanding = fields.Monetary(
        string="Outstanding", compute="_compute_amounts", store=True
    )
    in_force = fields.Boolean(compute="_compute_amounts", store=True)
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")

    @api.depends("amount", "payment_ids.amount", "contract_id.stage")
    def _compute_amounts(self):
        in_force = self.env["scm.contract"]._scm_in_force_stages()
        for milestone in self:
            received = sum(milestone.payment_ids.mapped("amount"))
            milestone.amount_received = received
            milestone.in_force = milestone.contract_id.stage in in_force
            milestone.amount_outstanding = (
                milestone.amount - received if milestone.in_force else 0.0
            )

    @api.depends("name", "contract_id")
    def _compute_display_name(self):
        for milestone in self:
            contract = milestone.contract_id.sudo().display_name
            milestone.display_name = (
                f"{contract} · {milestone.name}" if contract else milestone.name
            )

    def _compute_overdue(self):
        today = fields.Date.context_today(self)
        for milestone in self:
            milestone.overdue = bool(
                milestone.in_force
                and milestone.due_date
                and milestone.due_date < today
                and milestone.amount_outstanding > 0
            )

    @api.model
    def _scm_overdue_domain(self):
        """Due, in force and not fully paid (CON-SC-08)."""
        return [
            ("in_force", "=", True),
            ("due_date", "<", fields.Date.context_today(self)),
            ("amount_outstanding", ">", 0),
        ]

    def _search_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue collections."))
        overdue = self._search(self._scm_overdue_domain())
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", overdue)]

    @api.constrains("amount")
    def _check_amount(self):
        for milestone in self:
            if milestone.amount <= 0:
                raise ValidationError(_("A payment milestone needs a positive amount."))

    @api.constrains("trigger", "due_date")
    def _check_due(self):
        for milestone in self:
            if milestone.trigger == "date" and not milestone.due_date:
                raise ValidationError(
                    _(
                        "The milestone %(name)s falls due on a date: set it.",
                        name=milestone.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_numeric_input(self, vals, ("amount",))
        milestones = super().create(vals_list)
        milestones._scm_check_editable()
        return milestones

    def write(self, vals):
        check_numeric_input(self, vals, ("amount",))
        if "contract_id" in vals and any(
            milestone.contract_id.id != vals["contract_id"] for milestone in self
        ):
            raise UserError(
                _("A payment milestone belongs to its contract and does not move.")
            )
        # The event dates of triggered milestones are entered once they happen.
        if set(vals) - {"due_date"}:
            self._scm_check_editable()
        else:
            self.filtered(lambda m: m.trigger == "date")._scm_check_editable()
        return super().write(vals)

    def unlink(self):
        self._scm_check_editable()
        return super().unlink()

    def _scm_check_editable(self):
        # The contract's own steps (sudo) may adjust the schedule.
        if self.env.su:
            return
        for milestone in self:
            if milestone.contract_id.stage != "draft":
                raise UserError(
                    _(
                        "The payment schedule of %(doc)s is part of the approved "
                        "text: change it in a revision.",
                        doc=milestone.contract_id.display_name,
                    )
                )

    def _scm_schedule_collection(self):
        """Finance owes each payment from its due date on."""
        finance = self.env.ref("scm_base.dept_finance").sudo()
        collector = finance.manager_id.user_id
        for milestone in self.filtered("due_date"):
            if collector:
                milestone.contract_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=milestone.due_date,
                    summary=_(
                        "Collect %(name)s: %(amount)s",
                        name=milestone.name,
                        amount=milestone.amount,
                    ),
                    user_id=collector.id,
                )

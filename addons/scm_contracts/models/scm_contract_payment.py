from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .scm_contract import check_numeric_input


class ScmContractPayment(models.Model):
    """A payment received from the customer, registered by Finance."""

    _name = "scm.contract.payment"
    _description = "Contract Payment Received"
    _inherit = ["scm.step.guard.mixin"]
    # Finance's registration: who registered the payment.
    _scm_step_fields = ("registered_by_id",)
    _order = "date desc, id desc"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="restrict", index=True
    )
    milestone_id = fields.Many2one(
        "scm.contract.milestone",
        domain="[('contract_id', '=', contract_id)]",
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(required=True)
    reference = fields.Char(help="Bank slip or receipt number.")
    registered_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )

    @api.depends("contract_id", "date", "amount")
    def _compute_display_name(self):
        for payment in self:
            payment.display_name = " · ".join(
                filter(
                    None,
                    [
                        payment.contract_id.sudo().display_name,
                        payment.date and str(payment.date),
                        payment.reference,
                    ],
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        if not (
            user.has_group("scm_base.group_finance")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise AccessError(_("Payments received are registered by Finance."))
        for vals in vals_list:
            check_numeric_input(self, vals, ("amount",))
        payments = super().create(vals_list)
        for payment in payments:
            payment._scm_check_payment()
        return payments

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                _(
                    "A registered payment is not changed: remove it and register "
                    "it again."
                )
            )
        return super().write(vals)

    def unlink(self):
        if not (
            self.env.user.has_group("scm_base.group_finance")
            or self.env.user.has_group("scm_base.group_scm_admin")
        ):
            raise AccessError(_("Payments received are registered by Finance."))
        for payment in self:
            payment.contract_id.sudo().message_post(
                body=_(
                    "Payment of %(amount)s on %(date)s removed by %(user)s.",
                    amount=payment.amount,
                    date=payment.date,
                    user=self.env.user.name,
                )
            )
        return super().unlink()

    def _scm_check_payment(self):
        contract = self.contract_id
        if contract.stage not in contract._scm_in_force_stages():
            raise UserError(
                _(
                    "%(doc)s is not in force: payments are registered once the "
                    "customer signed it.",
                    doc=contract.display_name,
                )
            )
        if self.milestone_id and self.milestone_id.contract_id != contract:
            raise UserError(
                _(
                    "The milestone %(name)s is not one of %(doc)s.",
                    name=self.milestone_id.name,
                    doc=contract.display_name,
                )
            )
        if self.amount <= 0:
            raise UserError(_("A payment received needs a positive amount."))
        if self.date > fields.Date.context_today(self):
            raise UserError(_("A payment cannot be received in the future."))
        if (
            contract.currency_id.compare_amounts(
                contract.amount_received, contract.amount
            )
            > 0
        ):
            raise UserError(
                _(
                    "The payments of %(doc)s would exceed its amount.",
                    doc=contract.display_name,
                )
            )
        if (
            self.milestone_id
            and self.milestone_id.currency_id.compare_amounts(
                self.milestone_id.amount_received, self.milestone_id.amount
            )
            > 0
        ):
            raise UserError(
                _(
                    "The payments of the milestone %(name)s would exceed its amount.",
                    name=self.milestone_id.name,
                )
            )

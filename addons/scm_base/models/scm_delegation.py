from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ScmDelegation(models.Model):
    """An authorisation to sign and approve for someone else (ORG-RULE-06)."""

    _name = "scm.delegation"
    _description = "Signature Delegation"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name")
    delegator_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    delegate_id = fields.Many2one("res.users", required=True, tracking=True)
    model_ids = fields.Many2many(
        "ir.model",
        string="Document Types",
        required=True,
        tracking=True,
        help="The kinds of document the delegate may sign or approve.",
    )
    date_from = fields.Date(
        string="Valid From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_to = fields.Date(string="Valid Until", required=True, tracking=True)
    reason = fields.Text()
    active = fields.Boolean(default=True, tracking=True)

    @api.depends("delegator_id", "delegate_id")
    def _compute_name(self):
        for delegation in self:
            delegation.name = _(
                "%(delegate)s for %(delegator)s",
                delegate=delegation.delegate_id.name or "",
                delegator=delegation.delegator_id.name or "",
            )

    @api.constrains("delegator_id", "delegate_id", "date_from", "date_to")
    def _check_delegation(self):
        for delegation in self:
            if delegation.delegator_id == delegation.delegate_id:
                raise ValidationError(_("Nobody can delegate to themselves."))
            if delegation.date_to < delegation.date_from:
                raise ValidationError(_("A delegation cannot end before it starts."))

    @api.model
    def _scm_delegators(self, delegate, model_name, on_date=None):
        """Users for whom `delegate` may act on `model_name` documents today."""
        on_date = on_date or fields.Date.context_today(self)
        return (
            self.sudo()
            .search(
                [
                    ("delegate_id", "=", delegate.id),
                    ("model_ids.model", "=", model_name),
                    ("date_from", "<=", on_date),
                    ("date_to", ">=", on_date),
                ]
            )
            .mapped("delegator_id")
        )

    @api.model
    def _scm_acts_for(self, user, principals, model_name):
        """Whether `user` is one of `principals`, or holds today a delegation
        of one of them for `model_name` documents (ORG-RULE-06)."""
        if not principals:
            return False
        if user in principals:
            return True
        return bool(self._scm_delegators(user, model_name) & principals)

    @api.model
    def _scm_delegates(self, delegators, model_name, on_date=None):
        on_date = on_date or fields.Date.context_today(self)
        return (
            self.sudo()
            .search(
                [
                    ("delegator_id", "in", delegators.ids),
                    ("model_ids.model", "=", model_name),
                    ("date_from", "<=", on_date),
                    ("date_to", ">=", on_date),
                ]
            )
            .mapped("delegate_id")
        )

    def _refresh_open_reviews(self):
        models_ = self.sudo().model_ids.mapped("model")
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search(
                [("model", "in", models_), ("status", "in", ("waiting", "pending"))]
            )
        )
        reviews._compute_reviewer_ids()

    @api.model_create_multi
    def create(self, vals_list):
        delegations = super().create(vals_list)
        delegations._refresh_open_reviews()
        return delegations

    def write(self, vals):
        if "delegator_id" in vals and any(
            d.delegator_id.id != vals["delegator_id"] for d in self
        ):
            raise UserError(
                _("A delegation's delegator cannot change: give a new delegation.")
            )
        res = super().write(vals)
        self._refresh_open_reviews()
        return res

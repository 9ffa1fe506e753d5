from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class ScmContract(models.Model):
    """The contract's side of the cancellation form (SUP-CTR-03, CON-NUM-04)
    and of the countersigned implementation scheme (SUP-KEY-01)."""

    _inherit = "scm.contract"

    cancellation_ids = fields.One2many(
        "scm.contract.cancellation",
        "contract_id",
        string="Cancellation Requests",
        readonly=True,
    )
    cancellation_count = fields.Integer(compute="_compute_cancellation_state")
    scm_cancellation_open = fields.Boolean(
        string="Cancellation Requested",
        compute="_compute_cancellation_state",
        help="A cancellation form is being written, approved or was approved.",
    )
    scm_cancellation_approved = fields.Boolean(
        string="Cancellation Approved",
        compute="_compute_cancellation_state",
        help="The cancellation was approved: the contract may be cancelled.",
    )
    scm_cancel_needs_approval = fields.Boolean(
        string="Cancellation Needs Approval",
        compute="_compute_cancellation_state",
        help="The contract is numbered or went to approval: it is cancelled "
        "through an approved cancellation form only (SUP-CTR-03).",
    )
    scheme_ids = fields.One2many(
        "scm.contract.scheme",
        "contract_id",
        string="Implementation Schemes",
        readonly=True,
    )
    scheme_count = fields.Integer(compute="_compute_scheme_state")
    scm_scheme_required = fields.Boolean(
        string="Scheme Required",
        compute="_compute_scheme_state",
        help="A major contract or key project reaches the President with a "
        "countersigned implementation scheme (SUP-KEY-01).",
    )
    scm_scheme_countersigned = fields.Boolean(
        string="Scheme Countersigned", compute="_compute_scheme_state"
    )

    @api.depends("cancellation_ids.stage", "stage", "number", "scm_approval_version")
    def _compute_cancellation_state(self):
        for contract in self:
            requests = contract.sudo().cancellation_ids
            contract.cancellation_count = len(requests)
            contract.scm_cancellation_open = bool(
                requests.filtered(lambda r: r.stage in ("draft", "review", "approved"))
            )
            contract.scm_cancellation_approved = bool(
                requests.filtered(lambda r: r.stage == "approved")
            )
            contract.scm_cancel_needs_approval = bool(
                contract.id and contract._scm_cancel_requires_approval()
            )

    @api.depends("scheme_ids.stage", "contract_class", "is_key_project")
    def _compute_scheme_state(self):
        for contract in self:
            schemes = contract.sudo().scheme_ids
            contract.scheme_count = len(schemes)
            contract.scm_scheme_required = contract._scm_scheme_required()
            contract.scm_scheme_countersigned = bool(
                schemes.filtered(lambda s: s.stage == "countersigned")
            )

    # -- cancellation (SUP-CTR-03, CON-NUM-04) -------------------------------------
    def _scm_approved_cancellation(self):
        self.ensure_one()
        return self.sudo().cancellation_ids.filtered(lambda r: r.stage == "approved")[
            :1
        ]

    def _scm_check_cancel_approved(self):
        """A numbered contract, or one that went to approval, is cancelled
        only with an approved cancellation form, by the HQ office or the
        requester."""
        self.ensure_one()
        if not self._scm_cancel_requires_approval():
            return super()._scm_check_cancel_approved()
        request = self._scm_approved_cancellation()
        if not request:
            return super()._scm_check_cancel_approved()
        if not request._scm_may_execute(self.env.user):
            raise AccessError(
                _(
                    "The cancellation of %(doc)s was approved: the HQ office or "
                    "%(requester)s, who asked for it, cancels the contract.",
                    doc=self.display_name,
                    requester=request.requested_by_id.name,
                )
            )
        return True

    def action_cancel_contract(self):
        requests = {
            contract.id: contract._scm_approved_cancellation() for contract in self
        }
        res = super().action_cancel_contract()
        for contract in self:
            request = requests[contract.id]
            if request:
                request._scm_mark_executed()
        return res

    def action_request_cancellation(self):
        """Open the contract's cancellation form, a new one if none is open."""
        self.ensure_one()
        if self.stage == "cancelled":
            raise UserError(_("%(doc)s is already cancelled.", doc=self.display_name))
        request = self.sudo().cancellation_ids.filtered(
            lambda r: r.stage in ("draft", "review", "approved")
        )[:1]
        action = {
            "type": "ir.actions.act_window",
            "name": _("Cancellation Approval Form"),
            "res_model": "scm.contract.cancellation",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_contract_id": self.id},
        }
        if request:
            action["res_id"] = request.id
        return action

    def action_open_cancellations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_contracts.action_scm_contract_cancellation"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    # -- implementation scheme (SUP-KEY-01) --------------------------------------------
    def _scm_scheme_required(self):
        self.ensure_one()
        return self.contract_class == "major" or self.is_key_project

    def _scm_check_countersigned_scheme(self):
        """SUP-KEY-01: the President approves a major contract or key project
        once its implementation scheme is countersigned."""
        res = super()._scm_check_countersigned_scheme()
        for contract in self:
            if not contract._scm_scheme_required():
                continue
            if not contract.sudo().scheme_ids.filtered(
                lambda s: s.stage == "countersigned"
            ):
                raise UserError(
                    _(
                        "%(doc)s is a major contract or key project: the President "
                        "approves it once its implementation scheme (项目实施方案书) "
                        "is countersigned by the project manager and the managers "
                        "of MCD, MRD, the Software Dept and the QC Dept "
                        "(SUP-KEY-01).",
                        doc=contract.display_name,
                    )
                )
        return res

    def validate_tier(self):
        """Tell the President before the comment dialog opens."""
        self.ensure_one()
        president = self._scm_president_tier()
        if self.review_ids.filtered(
            lambda r: (
                r.definition_id == president
                and r.status in ("waiting", "pending")
                and self.env.user in r.reviewer_ids
            )
        ):
            self._scm_check_countersigned_scheme()
        return super().validate_tier()

    def action_open_schemes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_contracts.action_scm_contract_scheme"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {
            "default_contract_id": self.id,
            "default_title": self.title,
        }
        schemes = self.sudo().scheme_ids.filtered(lambda s: s.stage != "cancelled")
        if len(schemes) == 1:
            action.update(view_mode="form", res_id=schemes.id, views=[(False, "form")])
        elif not schemes:
            action.update(view_mode="form", views=[(False, "form")])
        return action

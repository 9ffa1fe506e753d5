from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STAGES = [
    ("draft", "Draft"),
    ("review", "Under Approval"),
    ("approved", "Approved"),
    ("done", "Contract Cancelled"),
    ("dropped", "Withdrawn"),
]
# A request that still counts: only one per contract at a time (SUP-CTR-03).
OPEN_STAGES = ("draft", "review", "approved")
# The unit whose manager approves the cancellation: the approver of the
# contract type (FORMS.md S4, the same units as CON-SC-02, CON-SEC-06,
# CON-TS-02, CON-BR-02).
APPROVER_UNITS = {
    "sc": "scm_base.dept_market_center",
    "network": "scm_base.dept_market_center",
    "brand": "scm_base.dept_market_center",
    "secondary": "scm_base.dept_customer_center",
    "tech_service": "scm_base.dept_mcd",
}
CONTENT_FIELDS = {"contract_id", "reason_type", "reason"}


class ScmContractCancellation(models.Model):
    """《合同/项目撤销审批表》, the contract cancellation approval form
    (SUP-CTR-03, FORMS.md S4).

    The side that answers for the contract (the Branch Manager, the HQ office
    for HQ contracts, the Brand Operation Center for brand contracts) asks
    for the cancellation with its reason; the approver of the contract type
    decides on scm_base tiers. Once approved, the HQ office or the requester
    cancels the contract, which keeps its number (CON-NUM-04)."""

    _name = "scm.contract.cancellation"
    _description = "Contract Cancellation Approval Form"
    _inherit = ["mail.thread", "scm.approval.mixin", "scm.stage.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "contract_id"]
    # The reference, the requester, the approval and the execution are set by
    # the form's steps (stage and state by the stage and approval mixins).
    _scm_step_fields = (
        "name",
        "requested_by_id",
        "approved_date",
        "executed_by_id",
        "executed_date",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    contract_id = fields.Many2one(
        "scm.contract",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('stage', '!=', 'cancelled')]",
    )
    contract_number = fields.Char(related="contract_id.number", string="Contract No.")
    contract_title = fields.Char(related="contract_id.title", string="Contract Title")
    contract_type = fields.Selection(
        related="contract_id.contract_type", store=True, index=True
    )
    contract_stage = fields.Selection(
        related="contract_id.stage", string="Contract Stage"
    )
    contract_amount = fields.Monetary(
        related="contract_id.amount", currency_field="currency_id"
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    company_id = fields.Many2one(
        related="contract_id.company_id",
        string="Branch",
        store=True,
        index=True,
    )
    partner_id = fields.Many2one(
        related="contract_id.partner_id", string="Customer", store=True, index=True
    )
    office_department_id = fields.Many2one(
        related="contract_id.office_department_id", string="HQ Office"
    )
    reason_type = fields.Selection(
        [
            ("virtual_cancelled", "The virtual contract was cancelled"),
            ("duplicate", "Duplicate initiation"),
            ("other", "Other reason"),
        ],
        string="Cause",
        required=True,
        tracking=True,
    )
    reason = fields.Text(
        required=True,
        tracking=True,
        help="Why the contract is cancelled; the approver decides on it.",
    )
    requested_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    approver_department_id = fields.Many2one(
        "hr.department",
        string="Approving Unit",
        compute="_compute_approver_department_id",
        help="The approver of the contract type decides on the cancellation.",
    )
    stage = fields.Selection(
        STAGES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    executed_by_id = fields.Many2one(
        "res.users", string="Contract Cancelled By", readonly=True, copy=False
    )
    executed_date = fields.Datetime(
        string="Contract Cancelled On", readonly=True, copy=False
    )

    # -- computes ------------------------------------------------------------
    @api.depends("contract_type")
    def _compute_approver_department_id(self):
        for request in self:
            unit = APPROVER_UNITS.get(request.contract_type)
            request.approver_department_id = unit and self.env.ref(unit)

    @api.depends("name", "contract_id")
    def _compute_display_name(self):
        for request in self:
            contract = request.contract_id.sudo()
            label = contract.number or contract.title or ""
            request.display_name = (
                f"{request.name} {label}".strip() if request.name != "/" else label
            )

    # -- constraints -----------------------------------------------------------
    @api.constrains("reason")
    def _check_reason(self):
        for request in self:
            if not (request.reason or "").strip():
                raise ValidationError(
                    _("Write the reason for cancelling the contract.")
                )

    @api.constrains("contract_id", "stage")
    def _check_one_open_request(self):
        for request in self.filtered(lambda r: r.stage in OPEN_STAGES):
            others = self.sudo().search_count(
                [
                    ("contract_id", "=", request.contract_id.id),
                    ("stage", "in", OPEN_STAGES),
                    ("id", "!=", request.id),
                ]
            )
            if others:
                raise ValidationError(
                    _(
                        "%(doc)s already has an open cancellation request: "
                        "complete or withdraw it first.",
                        doc=request.contract_id.sudo().display_name,
                    )
                )

    # -- roles -------------------------------------------------------------------
    def _scm_acts_for(self, users):
        """The current user is one of `users`, holds their delegation for
        this form, or administers the system."""
        user = self.env.user
        return user.has_group("scm_base.group_scm_admin") or self.env[
            "scm.delegation"
        ]._scm_acts_for(user, users, self._name)

    def _scm_requesters(self):
        """Who answers for the contract and may ask for its cancellation: the
        Branch Manager for a branch's contract, the HQ office for an HQ
        contract, the Brand Operation Center for a brand contract."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        users = contract._scm_drafter_side()
        if not contract.is_hq_contract and contract.company_id.scm_manager_id:
            users |= contract.company_id.scm_manager_id
        return users

    def _scm_check_requester(self, action):
        for request in self:
            if not request._scm_acts_for(request._scm_requesters()):
                raise AccessError(
                    _(
                        "Only the side that answers for %(contract)s (its Branch "
                        "Manager, or the HQ office for an HQ contract) may "
                        "%(action)s its cancellation.",
                        contract=request.contract_id.sudo().display_name,
                        action=action,
                    )
                )

    def _scm_may_execute(self, user=None):
        """After approval the HQ office or the requester cancels the
        contract (SUP-CTR-03)."""
        self.ensure_one()
        user = user or self.env.user
        contract = self.contract_id.sudo()
        return contract.with_user(user)._scm_is_office() or self.with_user(
            user
        )._scm_acts_for(self.requested_by_id)

    def _scm_approver(self):
        self.ensure_one()
        return self.approver_department_id.sudo()._scm_manager_user()

    # -- CRUD ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # The step guard refuses a forged reference, stage or requester: the
        # requester is the user who creates the form (the field's default).
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for request in requests:
            request._scm_check_contract()
            request._scm_check_requester(_("request"))
            request._scm_write(
                {"name": sequence.next_by_code("scm.contract.cancellation") or "/"}
            )
        return requests

    def write(self, vals):
        if not self.env.su:
            # Access rights first: a reader gets an access error, not a
            # workflow message. Step fields are refused by the step guard.
            self.check_access("write")
            if vals.keys() & CONTENT_FIELDS:
                for request in self:
                    if request.stage != "draft":
                        raise UserError(
                            _(
                                "%(doc)s is %(stage)s: its contract and reason "
                                "can no longer change.",
                                doc=request.display_name,
                                stage=request._scm_stage_label(),
                            )
                        )
                    request._scm_check_requester(_("edit"))
        res = super().write(vals)
        if "contract_id" in vals:
            for request in self:
                request._scm_check_contract()
        return res

    def _scm_write(self, vals):
        """A step writes its fields, after checking who may take it."""
        return self.with_context(skip_validation_check=True)._scm_step_write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for request in self:
            if request.stage != "draft":
                raise UserError(
                    _(
                        "%(doc)s went beyond the draft and is kept; withdraw it "
                        "instead.",
                        doc=request.display_name,
                    )
                )

    # -- helpers ---------------------------------------------------------------------
    def _scm_check_contract(self):
        """The contract is still alive and needs this form to be cancelled."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        if contract.stage == "cancelled":
            raise UserError(
                _("%(doc)s is already cancelled.", doc=contract.display_name)
            )
        if not contract._scm_cancel_requires_approval():
            raise UserError(
                _(
                    "%(doc)s is a draft that never went to approval: it is "
                    "cancelled directly, without a cancellation form.",
                    doc=contract.display_name,
                )
            )

    def _scm_notify(self, subject, body, users):
        """A written notice (ORG-RULE-07) of the current user."""
        self.ensure_one()
        return self.env["scm.notice"]._scm_send(self, subject, body, users.partner_id)

    # -- approval (SUP-CTR-03) ----------------------------------------------------
    def _scm_nothing_to_decide(self):
        return UserError(
            _(
                "You have no decision to give on %(doc)s: the approver of the "
                "contract type decides on its cancellation.",
                doc=self.display_name,
            )
        )

    def _scm_approval_check_submit(self):
        self.ensure_one()
        self._scm_check_contract()
        if not (self.reason or "").strip():
            raise UserError(_("Write the reason for cancelling the contract."))

    def action_scm_submit(self):
        """The requester sends the form to the approver of the contract type."""
        for request in self:
            request._scm_check_stage(("draft",), _("submitted"))
            request._scm_check_requester(_("submit"))
        res = super().action_scm_submit()
        self._scm_write({"stage": "review"})
        return res

    def action_scm_withdraw(self):
        for request in self.filtered(lambda r: r.state == "to_approve"):
            request._scm_check_requester(_("withdraw"))
            super(ScmContractCancellation, request).action_scm_withdraw()
            request._scm_write({"stage": "draft"})
        return True

    def _scm_approval_on_approved(self):
        """The approver's written notice goes to the requester and the HQ
        office, who may now cancel the contract."""
        self._scm_write({"stage": "approved", "approved_date": fields.Datetime.now()})
        contract = self.contract_id.sudo()
        office = contract._scm_office_manager()
        self._scm_notify(
            _("Cancellation of %(doc)s approved", doc=contract.display_name),
            _(
                "The cancellation of %(doc)s was approved: the HQ office or the "
                "requester now cancels it. Its number stays issued to it.",
                doc=contract.display_name,
            ),
            self.requested_by_id | office,
        )
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_("Cancel the contract %(doc)s", doc=contract.display_name),
            user_id=office.id,
        )

    def _scm_approval_on_rejected(self):
        self._scm_write({"stage": "draft"})
        opinions = self._scm_current_round().opinion_ids.filtered(
            lambda o: o.decision == "rejected"
        )
        self._scm_notify(
            _(
                "Cancellation of %(doc)s not approved",
                doc=self.contract_id.sudo().display_name,
            ),
            _(
                "The cancellation was not approved: %(reasons)s",
                reasons="; ".join(opinions.mapped("comment")),
            ),
            self.requested_by_id,
        )

    # -- actions -------------------------------------------------------------------
    def action_drop(self):
        """The requester gives up the request (the contract stays as it is)."""
        for request in self:
            request._scm_check_stage(("draft", "approved"), _("withdrawn"))
            request._scm_check_requester(_("withdraw"))
            request._scm_write({"stage": "dropped", "state": "cancel"})
            request.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_cancel_contract(self):
        """After approval, cancel the contract (SUP-CTR-03); it keeps its
        number (CON-NUM-04)."""
        for request in self:
            request._scm_check_stage(("approved",), _("used to cancel the contract"))
            request.contract_id.action_cancel_contract()
        return True

    def _scm_mark_executed(self):
        self._scm_write(
            {
                "stage": "done",
                "executed_by_id": self.env.user.id,
                "executed_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])

    def action_open_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "scm.contract",
            "view_mode": "form",
            "res_id": self.contract_id.id,
        }

    def action_print_form(self):
        self.ensure_one()
        return self.env.ref(
            "scm_contracts.action_report_scm_contract_cancellation"
        ).report_action(self)

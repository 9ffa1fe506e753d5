from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

POSITIONS = [
    ("core", "Core Partner"),
    ("key", "Key Partner"),
    ("supporting", "Supporting Partner"),
]
COOPERATION_LEVELS = [
    ("strategic", "Strategic Alliance"),
    ("solution", "Joint Solution"),
    ("channel", "Channel / Resale"),
    ("project", "Project by Project"),
]


class ScmPartnershipPartnerLine(models.Model):
    """A partner on the Partner Guidelines and List (SAL-PART-05): its position
    in the marketing chain and the guideline of the cooperation. Partners of
    an approved list are the only ones the specialist contacts (SAL-PART-06)
    and signs agreements with (SAL-PART-07)."""

    _name = "scm.partnership.partner.line"
    _description = "Partner on the Partner List"
    _order = "plan_id, sequence, id"
    _inherit = ["scm.step.guard.mixin"]
    _rec_name = "partner_id"

    plan_id = fields.Many2one(
        "scm.partnership.plan",
        string="Partner List",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("plan_type", "=", "partner_guideline")],
    )
    plan_state = fields.Selection(related="plan_id.state", string="List Status")
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one("res.partner", required=True, index=True)
    chain_id = fields.Many2one(
        "scm.partnership.chain",
        string="Chain Product",
        help="The chain product the partner contributes.",
    )
    position = fields.Selection(
        POSITIONS,
        string="Position in the Marketing Chain",
        help="Given by the importance of the partner's product in the integrated "
        "solution.",
    )
    cooperation_level = fields.Selection(COOPERATION_LEVELS)
    guideline = fields.Text(
        string="Cooperation Guideline",
        help="Level and mode of the cooperation with this partner.",
    )
    contact_ids = fields.One2many(
        "scm.partnership.contact", "partner_line_id", string="Contacts"
    )
    intent_reached = fields.Boolean(
        string="Cooperation Intent Reached",
        compute="_compute_intent_reached",
        store=True,
    )
    agreement_ids = fields.One2many(
        "scm.partnership.agreement", "partner_line_id", string="Agreements"
    )

    _sql_constraints = [
        (
            "partner_unique",
            "UNIQUE(plan_id, partner_id)",
            "The partner is already on this list.",
        ),
    ]

    @api.depends("contact_ids.intent_reached")
    def _compute_intent_reached(self):
        for line in self:
            line.intent_reached = any(line.contact_ids.mapped("intent_reached"))

    @api.depends("partner_id", "plan_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.partner_id.name} ({line.plan_id.name})"

    def _check_editable(self, plans):
        """Lines follow their list: only a draft list is changed (SAL-PART-05)."""
        if not self.env.su and not self.env.user.has_group(
            "scm_base.group_msd_channel"
        ):
            raise UserError(
                _("Only a Channel Market Specialist maintains the partner list.")
            )
        for plan in plans:
            if plan.plan_type != "partner_guideline":
                raise UserError(
                    _("Partners are listed only on a partner guidelines document.")
                )
            if plan.state != "draft":
                raise UserError(
                    _(
                        "%(doc)s is not a draft: its partners can no longer be "
                        "changed.",
                        doc=plan.display_name,
                    )
                )

    def _check_required_guideline(self):
        for line in self:
            if not line.position or not (line.guideline or "").strip():
                raise UserError(
                    _(
                        "Give %(partner)s its position in the marketing chain and "
                        "the cooperation guideline.",
                        partner=line.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plan_ids = [vals.get("plan_id") for vals in vals_list if vals.get("plan_id")]
        if any(not isinstance(plan_id, int) for plan_id in plan_ids):
            raise ValidationError(_("Choose the partner list from the list."))
        self._check_editable(self.env["scm.partnership.plan"].browse(plan_ids))
        lines = super().create(vals_list)
        lines._check_required_guideline()
        return lines

    def write(self, vals):
        if set(vals) - {"intent_reached"}:
            self._check_editable(self.mapped("plan_id"))
            if vals.get("plan_id"):
                if not isinstance(vals["plan_id"], int):
                    raise ValidationError(_("Choose the partner list from the list."))
                self._check_editable(
                    self.env["scm.partnership.plan"].browse(vals["plan_id"])
                )
        res = super().write(vals)
        self._check_required_guideline()
        return res

    def unlink(self):
        self._check_editable(self.mapped("plan_id"))
        return super().unlink()

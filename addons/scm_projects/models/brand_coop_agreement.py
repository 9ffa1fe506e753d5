from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .brand_stage_template import PROJECT_TYPES

# The eleven sections of the agreement (PRJ-BRD-01), in the order of the form.
AGREEMENT_SECTIONS = (
    "section_general",
    "section_content",
    "section_payment",
    "section_schedule",
    "section_staff",
    "section_time_acceptance",
    "section_rights",
    "section_breach",
    "section_unsettled",
    "section_attachments",
    "section_effectiveness",
)
CONTENT_FIELDS = set(AGREEMENT_SECTIONS) | {
    "brand_project_id",
    "counterparty_ids",
    "acceptance_type",
    "implementation_plan",
}


class ScmBrandCoopAgreement(models.Model):
    """《品牌项目合作协议书》, the brand project cooperation agreement the
    Brand Operation Center signs with the designers or other partners once
    the brand (P) contract is in force (PRJ-BRD-01). Its attachments are the
    《品牌项目实施计划》 (the implementation plan) and the acceptance-form
    template of the project (design or promotion). The Market Center approves
    it within 1 working day of receipt (PRJ-BRD-02); the brand project starts
    only after that approval."""

    _name = "scm.brand.coop.agreement"
    _description = "Brand Project Cooperation Agreement"
    _inherit = ["mail.thread", "scm.approval.mixin"]
    _order = "id desc"
    _scm_step_fields = ("name", "contract_id", "approved_date")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    brand_project_id = fields.Many2one(
        "scm.brand.project",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="brand_project_id.company_id", string="Branch", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="brand_project_id.partner_id", string="Customer", store=True
    )
    contract_id = fields.Many2one(
        "scm.contract",
        string="Brand Contract",
        readonly=True,
        help="The brand operation (P) contract in force the agreement follows.",
    )
    counterparty_ids = fields.Many2many(
        "res.partner",
        string="Designers / Partners",
        help="The designers or other partners the agreement is signed with.",
    )
    acceptance_type = fields.Selection(
        PROJECT_TYPES,
        string="Acceptance Form",
        tracking=True,
        help="The acceptance-form template attached: 《品牌设计项目验收单》 "
        "for a design project, 《品牌推广项目验收单》 for a promotion project.",
    )
    implementation_plan = fields.Html(
        help="《品牌项目实施计划》, attached to the agreement.",
    )
    section_general = fields.Text(string="1. General Provisions")
    section_content = fields.Text(string="2. Composition of Content")
    section_payment = fields.Text(string="3. Payment Terms")
    section_schedule = fields.Text(string="4. Execution Schedule")
    section_staff = fields.Text(string="5. Implementation Staff")
    section_time_acceptance = fields.Text(string="6. Working Time and Acceptance")
    section_rights = fields.Text(string="7. Rights, Responsibilities and Obligations")
    section_breach = fields.Text(string="8. Breach Liability")
    section_unsettled = fields.Text(string="9. Unsettled Matters")
    section_attachments = fields.Text(string="10. Attachments")
    section_effectiveness = fields.Text(
        string="11. Effectiveness and Supplementary Matters"
    )
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)

    # -- roles -------------------------------------------------------------------
    def _scm_check_brand_side(self, action):
        """The Brand Operation Center drafts and submits the agreement."""
        user = self.env.user
        if not (
            user.has_group("scm_base.group_brand_manager")
            or user.has_group("scm_base.group_brand_designer")
            or user.has_group("scm_base.group_scm_admin")
        ):
            raise AccessError(
                _(
                    "Only the Brand Operation Center may %(action)s a brand "
                    "project cooperation agreement.",
                    action=action,
                )
            )

    def _scm_check_contract(self):
        for agreement in self:
            contract = agreement.brand_project_id.sudo()._scm_brand_p_contract()
            if not contract:
                raise UserError(
                    _(
                        "The cooperation agreement of %(project)s requires the "
                        "brand operation (P) contract to be in force (PRJ-BRD-01).",
                        project=agreement.brand_project_id.sudo().display_name,
                    )
                )
            if agreement.contract_id != contract:
                agreement._scm_step_write({"contract_id": contract.id})

    # -- CRUD ----------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._scm_check_brand_side(_("draft"))
        agreements = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for agreement in agreements:
            agreement._scm_check_contract()
            agreement._scm_step_write(
                {"name": sequence.next_by_code("scm.brand.coop.agreement") or "/"}
            )
        return agreements

    def write(self, vals):
        if not self.env.su and vals.keys() & CONTENT_FIELDS:
            self.check_access("write")
            for agreement in self:
                if agreement.state != "draft":
                    raise UserError(
                        _(
                            "%(doc)s is no longer a draft: its content cannot change.",
                            doc=agreement.display_name,
                        )
                    )
        return super().write(vals)

    # -- approval ------------------------------------------------------------------
    def _scm_approval_check_submit(self):
        """PRJ-BRD-01: a P contract in force, the eleven sections, the
        implementation plan and one acceptance-form template."""
        self.ensure_one()
        self._scm_check_brand_side(_("submit"))
        self._scm_check_contract()
        missing = [
            self._fields[name]._description_string(self.env)
            for name in AGREEMENT_SECTIONS
            if not (self[name] or "").strip()
        ]
        if missing:
            raise UserError(
                _(
                    "The cooperation agreement needs all eleven sections; "
                    "missing: %(sections)s.",
                    sections=", ".join(missing),
                )
            )
        plan = self.implementation_plan
        if not plan or not str(plan).strip() or plan == "<p><br></p>":
            raise UserError(
                _(
                    "Attach the brand project implementation plan "
                    "(《品牌项目实施计划》) to the cooperation agreement."
                )
            )
        if not self.acceptance_type:
            raise UserError(
                _(
                    "Choose the acceptance-form template of the agreement: "
                    "design or promotion."
                )
            )
        if not self.counterparty_ids:
            raise UserError(
                _("Name the designers or partners the agreement is signed with.")
            )
        others = self.sudo().search_count(
            [
                ("brand_project_id", "=", self.brand_project_id.id),
                ("state", "in", ("to_approve", "approved")),
                ("id", "!=", self.id),
            ]
        )
        if others:
            raise UserError(
                _(
                    "%(project)s already has a cooperation agreement under "
                    "review or approved.",
                    project=self.brand_project_id.sudo().display_name,
                )
            )

    def _scm_approval_on_approved(self):
        self.ensure_one()
        self._scm_step_write({"approved_date": fields.Datetime.now()})
        self.brand_project_id.sudo().message_post(
            body=_(
                "The Market Center approved the cooperation agreement %(doc)s: "
                "the project may start.",
                doc=self.display_name,
            )
        )

    def action_print(self):
        return self.env.ref(
            "scm_projects.action_report_scm_brand_coop_agreement"
        ).report_action(self)

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .res_partner import GRADES

PRICE_LEVELS = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
COLLECTION_LEVELS = [
    ("good", "On Time"),
    ("normal", "Mostly on Time"),
    ("poor", "Late"),
]


class ScmCustomerGrading(models.Model):
    """A grading of a customer on the 《客户质量等级评估表》 (SUP-GRD-01..03).

    The owner or branch manager proposes a grade from three indicators; the
    MSD Manager's review (the grading meeting he chairs) confirms it, and an
    A grade further needs the Market Center Manager's approval."""

    _name = "scm.customer.grading"
    _description = "Customer Grading"
    _inherit = ["scm.approval.mixin", "mail.thread"]
    _order = "id desc"
    # Who proposed the grade and the grade it replaced (state: the mixin).
    _scm_step_fields = ("proposed_by_id", "previous_grade")

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain=[("scm_is_customer", "=", True)],
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, string="Branch"
    )
    proposed_by_id = fields.Many2one(
        "res.users", default=lambda s: s.env.user, readonly=True
    )
    grade = fields.Selection(GRADES, required=True, tracking=True)
    previous_grade = fields.Selection(GRADES, readonly=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda s: s.env.ref("base.CNY"), readonly=True
    )
    annual_sales = fields.Monetary(string="Annual Sales Volume")
    price_level = fields.Selection(PRICE_LEVELS, required=True)
    payment_collection = fields.Selection(COLLECTION_LEVELS, required=True)
    provisional = fields.Boolean(
        help="A new customer's grade, to be reviewed after six months of cooperation."
    )
    campaign_year = fields.Integer(
        string="Grading Year", default=lambda s: fields.Date.context_today(s).year
    )
    note = fields.Text(string="Assessment")

    @api.depends("partner_id", "grade", "campaign_year")
    def _compute_name(self):
        for grading in self:
            grading.name = " ".join(
                str(part)
                for part in (
                    grading.partner_id.name,
                    grading.campaign_year,
                    grading.grade,
                )
                if part
            )

    @api.constrains("annual_sales")
    def _check_annual_sales(self):
        for grading in self:
            if grading.annual_sales < 0:
                raise UserError(_("The annual sales volume cannot be negative."))

    def _scm_approval_check_submit(self):
        for grading in self:
            user = self.env.user
            if grading.grade == "A" and not (
                user.has_group("scm_base.group_branch_manager")
                or user.has_group("scm_base.group_msd_manager")
            ):
                raise UserError(
                    _("An A grade is proposed by the branch manager (SUP-GRD-03).")
                )

    def _scm_approval_on_approved(self):
        for grading in self:
            partner = grading.partner_id.commercial_partner_id
            grading._scm_step_write({"previous_grade": partner.scm_grade})
            partner._scm_step_write(
                {
                    "scm_grade": grading.grade,
                    "scm_grade_date": fields.Date.context_today(self),
                    "scm_grade_provisional": grading.provisional,
                }
            )

    @api.model
    def _scm_open_campaign(self, year=None):
        """SUP-GRD-02: the yearly re-grading: one draft per customer whose grade
        is due, with an activity for its owner."""
        year = year or fields.Date.context_today(self).year
        customers = self.env["res.partner"].search(
            [("scm_is_customer", "=", True), ("scm_grade_stale", "=", True)]
        )
        existing = self.search(
            [("campaign_year", "=", year), ("partner_id", "in", customers.ids)]
        ).mapped("partner_id")
        gradings = self.browse()
        for customer in customers - existing:
            owner = customer.user_id or customer.company_id.scm_manager_id
            if not owner:
                continue
            grading = self.sudo().create(
                {
                    "partner_id": customer.id,
                    "grade": customer.scm_grade or "C",
                    "price_level": "medium",
                    "payment_collection": "normal",
                    "campaign_year": year,
                    "proposed_by_id": owner.id,
                }
            )
            grading.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Grade the customer for %(year)s", year=year),
                user_id=owner.id,
            )
            gradings |= grading
        return gradings

    @api.model
    def _cron_open_campaign(self):
        day = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("scm_sales.grading_campaign_day", "03-25")
        )
        today = fields.Date.context_today(self)
        if today.strftime("%m-%d") == day:
            self._scm_open_campaign(today.year)

import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

BRANCH_CODE_PATTERN = re.compile(r"^[A-Z]{1,4}$")


class ResCompany(models.Model):
    """HQ and its branches are companies: HQ is the root, each branch a child
    company of HQ (ORG-UNIT-01, ORG-BR-01). Odoo's multi-company rules then
    separate every app's records by branch."""

    _inherit = "res.company"

    scm_unit_type = fields.Selection(
        [("hq", "Headquarters"), ("branch", "Branch")],
        string="Unit Type",
        compute="_compute_scm_unit_type",
        store=True,
        help="Headquarters is the company without a parent; every company "
        "below it is a branch.",
    )
    scm_code = fields.Char(
        string="Branch Code",
        help="Pinyin abbreviation used in contract numbers (e.g. WH for Wuhan). "
        "Empty for headquarters.",
    )
    scm_province_ids = fields.Many2many(
        "res.country.state",
        "scm_company_province_rel",
        "company_id",
        "state_id",
        string="Owned Provinces",
        help="The branch's directly administered territory. A province belongs "
        "to at most one branch; every other province is an HQ open area.",
    )
    scm_independent_accounting = fields.Boolean(
        string="Independent Accounting",
        help="A branch under independent accounting keeps contract originals "
        "itself instead of receiving a copy.",
    )
    scm_manager_id = fields.Many2one(
        "res.users",
        string="Branch Manager",
        help="Resolves the 'branch manager' approval and signature steps.",
    )
    scm_branch_count = fields.Integer(compute="_compute_scm_branch_count")

    _sql_constraints = [
        (
            "scm_code_unique",
            "UNIQUE(scm_code)",
            "Another company already uses this branch code.",
        ),
    ]

    def init(self):
        # The relation table is created by the ORM; the index makes "a province
        # belongs to at most one branch" hold even against concurrent writes.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS scm_company_province_rel_state_uniq "
            "ON scm_company_province_rel (state_id)"
        )

    @api.depends("parent_id")
    def _compute_scm_unit_type(self):
        for company in self:
            company.scm_unit_type = "branch" if company.parent_id else "hq"

    def _compute_scm_branch_count(self):
        for company in self:
            company.scm_branch_count = len(company.child_ids)

    @api.constrains("scm_code", "parent_id")
    def _check_scm_code(self):
        for company in self:
            if company.parent_id and not company.scm_code:
                raise ValidationError(
                    _("Branch %(name)s needs a branch code.", name=company.name)
                )
            if company.scm_code and not BRANCH_CODE_PATTERN.match(company.scm_code):
                raise ValidationError(
                    _(
                        "Branch code %(code)s is invalid: use 1 to 4 capital "
                        "letters (pinyin abbreviation), e.g. WH.",
                        code=company.scm_code,
                    )
                )
            if not company.parent_id and company.scm_code:
                raise ValidationError(
                    _("Headquarters has no branch code in contract numbers.")
                )
            if company.scm_code and self.env["hr.department"].sudo().search_count(
                [("scm_code", "=", company.scm_code)]
            ):
                raise ValidationError(
                    _(
                        "Branch code %(code)s is already the code of a unit: "
                        "contract numbers would collide.",
                        code=company.scm_code,
                    )
                )

    @api.constrains("parent_id")
    def _check_scm_parent(self):
        for company in self:
            if company.parent_id.parent_id:
                raise ValidationError(
                    _(
                        "%(name)s cannot be placed under %(parent)s: every branch "
                        "belongs directly to headquarters.",
                        name=company.name,
                        parent=company.parent_id.name,
                    )
                )

    @api.constrains("scm_province_ids", "parent_id")
    def _check_scm_provinces(self):
        china = self.env.ref("base.cn")
        for company in self:
            if company.scm_province_ids and not company.parent_id:
                raise ValidationError(
                    _(
                        "Headquarters owns no province: provinces without a "
                        "branch are HQ open areas."
                    )
                )
            foreign = company.scm_province_ids.filtered(lambda s: s.country_id != china)
            if foreign:
                raise ValidationError(
                    _(
                        "Only Chinese provinces can be assigned to a branch: "
                        "%(names)s.",
                        names=", ".join(foreign.mapped("name")),
                    )
                )
            taken = self.search(
                [
                    ("id", "!=", company.id),
                    ("scm_province_ids", "in", company.scm_province_ids.ids),
                ],
                limit=1,
            )
            if taken:
                overlap = company.scm_province_ids & taken.scm_province_ids
                raise ValidationError(
                    _(
                        "%(provinces)s already belongs to branch %(branch)s: "
                        "a province belongs to at most one branch.",
                        provinces=", ".join(overlap.mapped("name")),
                        branch=taken.name,
                    )
                )

    def _scm_normalize_code(self, vals):
        """Upper-case the code and refuse a taken one before the database's
        unique index does, so the user reads a clear message."""
        if not vals.get("scm_code"):
            return
        vals["scm_code"] = vals["scm_code"].strip().upper()
        taken = self.sudo().search(
            [("scm_code", "=", vals["scm_code"]), ("id", "not in", self.ids)], limit=1
        )
        if taken:
            raise ValidationError(
                _(
                    "Another company already uses the branch code %(code)s.",
                    code=vals["scm_code"],
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._scm_normalize_code(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._scm_normalize_code(vals)
        return super().write(vals)

    @api.model
    def _scm_hq(self):
        """The single HQ root (ORG-UNIT-01)."""
        return self.env.ref("base.main_company")

    @api.model
    def _scm_branch_by_code(self, code):
        code = (code or "").strip().upper()
        branch = code and self.search([("scm_code", "=", code)])
        if not branch:
            raise ValidationError(_("No branch has the code %(code)s.", code=code))
        return branch

    @api.model
    def _scm_branch_for_state(self, state):
        """The branch that owns the province, or False for an HQ open area."""
        return self.search([("scm_province_ids", "in", state.ids)], limit=1)

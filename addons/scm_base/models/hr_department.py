from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrDepartment(models.Model):
    """HQ centers, departments and decision bodies (ORG-UNIT-01/02)."""

    _inherit = "hr.department"

    scm_unit_type = fields.Selection(
        [
            ("center", "Center"),
            ("department", "Department"),
            ("decision", "Decision Body"),
        ],
        string="Unit Type",
        default="department",
    )
    scm_code = fields.Char(
        string="Unit Code",
        help="Abbreviation used in contract numbers by a functional department "
        "(e.g. DS), when the department itself numbers contracts.",
    )
    scm_alias_ids = fields.One2many(
        "scm.unit.alias", "department_id", string="Other Names"
    )

    _sql_constraints = [
        (
            "scm_code_unique",
            "UNIQUE(scm_code)",
            "Another unit already uses this unit code.",
        ),
    ]

    @api.constrains("scm_code")
    def _check_scm_code(self):
        for dept in self.filtered("scm_code"):
            code = dept.scm_code
            if not (
                code.isascii() and code.isalpha() and code.isupper() and len(code) <= 4
            ):
                raise ValidationError(
                    _(
                        "Unit code %(code)s is invalid: use 1 to 4 capital letters.",
                        code=code,
                    )
                )
            clash = self.env["res.company"].sudo().search([("scm_code", "=", code)])
            if clash:
                raise ValidationError(
                    _(
                        "Unit code %(code)s is already the code of branch %(branch)s.",
                        code=code,
                        branch=clash.name,
                    )
                )

    @api.constrains("parent_id", "scm_unit_type", "company_id")
    def _check_scm_parent(self):
        """HQ's tree follows the manual (ORG-UNIT-01); a branch company may
        organise its own HR departments freely."""
        for dept in self.filtered(lambda d: d.company_id.scm_unit_type == "hq"):
            if dept.child_ids and dept.scm_unit_type != "center":
                raise ValidationError(
                    _(
                        "%(unit)s has units under it and must stay a center.",
                        unit=dept.name,
                    )
                )
            parent = dept.parent_id
            if parent and parent.scm_unit_type != "center":
                raise ValidationError(
                    _(
                        "%(unit)s can only be placed under a center or directly "
                        "under the company.",
                        unit=dept.name,
                    )
                )

    @api.depends_context("hierarchical_naming", "lang")
    def _compute_display_name(self):
        """The hierarchical name in the user's language: Odoo stores
        `complete_name` once, in the language of its computation, which shows
        the units' names in English to a Chinese user."""
        if not self.env.context.get("hierarchical_naming", True):
            return super()._compute_display_name()
        for department in self:
            names = []
            # A branch user may name an HQ unit whose parents it cannot read.
            unit = department.sudo()
            while unit:
                names.append(unit.name or "")
                unit = unit.parent_id
            department.display_name = " / ".join(reversed(names))

    @api.model
    def _scm_resolve(self, name):
        """The unit a name of the manual denotes, aliases included (ORG-UNIT-03)."""
        name = (name or "").strip()
        dept = self.with_context(active_test=False).search(
            [("name", "=", name)], limit=1
        )
        if dept:
            return dept
        alias = self.env["scm.unit.alias"].search([("name", "=", name)], limit=1)
        if alias:
            return alias.department_id
        raise ValidationError(_("No unit is named %(name)s.", name=name))

    def _scm_manager_user(self):
        """The user who acts for the unit's manager in approvals."""
        self.ensure_one()
        user = self.manager_id.user_id
        if not user:
            raise ValidationError(
                _(
                    "%(unit)s has no manager with a user account: set its "
                    "manager before sending documents to it.",
                    unit=self.display_name,
                )
            )
        return user

    def write(self, vals):
        result = super().write(vals)
        if {"manager_id", "active", "parent_id"} & vals.keys():
            # The units a user manages are part of his cached rule domains
            # (res.users.scm_unit_ids): a new manager sees the unit's
            # documents at once, the former one no longer.
            self.env.registry.clear_cache()
        return result

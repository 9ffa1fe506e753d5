from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .project_project import SIGNOFF_DEADLINE


class ScmProjectEquipmentSignoff(models.Model):
    """《项目设备用户签收明细表》, the Project Equipment User Sign-off List
    (SUP-EPM-02, FORMS.md S7).

    Once every device of a Network Engineering project arrived, the PM has
    the customer sign the list of the equipment with the serial number of
    every line and affix the company seal, within 10 working days of the
    arrival. It is the sole basis for closing the project and the basis on
    which Finance recognises the revenue: its signature sends Finance a
    copy."""

    _name = "scm.project.equipment.signoff"
    _description = "Project Equipment User Sign-off List"
    _inherit = [
        "mail.thread",
        "scm.distribution.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
    ]
    _order = "id desc"
    _scm_customer_seal_required = True
    _scm_step_fields = ("name", "state")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed and Sealed by the Customer")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    equipment_ids = fields.One2many(
        related="project_id.scm_equipment_ids", string="Equipment"
    )
    arrived_date = fields.Date(
        related="project_id.scm_equipment_arrived_date", string="Equipment Arrived On"
    )
    due_date = fields.Datetime(
        string="Sign-off Due",
        compute="_compute_due_date",
        help="Arrival plus 10 working days (SUP-EPM-02).",
    )
    note = fields.Text()

    _sql_constraints = [
        ("project_unique", "unique(project_id)", "A project has one sign-off list.")
    ]

    def _compute_due_date(self):
        for signoff in self:
            deadline = signoff.project_id.sudo().scm_deadline_ids.filtered(
                lambda d: d.rule_code == SIGNOFF_DEADLINE
            )[:1]
            signoff.due_date = deadline.due_date

    @api.constrains("project_id")
    def _check_project(self):
        for signoff in self.sudo():
            if signoff.project_id.scm_contract_id.contract_type != "network":
                raise ValidationError(
                    _(
                        "The equipment sign-off list belongs to Network "
                        "Engineering projects (SUP-EPM-02)."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            projects.check_access("read")
            for project in projects.sudo():
                if not project._scm_acts_as_pm(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager of %(doc)s draws up its "
                            "equipment sign-off list.",
                            doc=project.display_name,
                        )
                    )
                project._scm_check_phase(
                    ("arrived",), _("given its equipment sign-off list")
                )
        records = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        for record in records:
            record._scm_step_write(
                {"name": sequence.next_by_code("scm.project.equipment.signoff") or "/"}
            )
        return records

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_pm(_("change"))
            if self.filtered(lambda s: s.state != "draft"):
                raise UserError(_("A signed sign-off list no longer changes."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(_("An equipment sign-off list is never deleted."))
        return super().unlink()

    # -- customer signature (SUP-EPM-02) -----------------------------------------
    def _scm_check_may_record_customer_signature(self):
        self.ensure_one()
        self._scm_check_pm(_("record the customer's signature on"))

    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%(doc)s is already signed.", doc=self.display_name))
        self.project_id.sudo()._scm_check_phase(
            ("arrived",), _("signed off by the customer")
        )
        lines = self.sudo().equipment_ids
        if not lines:
            raise UserError(_("The sign-off list has no equipment."))
        missing = lines.filtered(lambda line: not line._scm_serials())
        if missing:
            raise UserError(
                _(
                    "Every line of the sign-off list needs its serial numbers "
                    "(SUP-EPM-02); missing on: %(lines)s.",
                    lines=", ".join(missing.mapped("display_name")),
                )
            )

    def _scm_on_customer_signed(self):
        self._scm_step_write({"state": "signed"})
        self.project_id.sudo()._scm_deadline_close(SIGNOFF_DEADLINE)
        self._scm_distribute()

    def _scm_distribution_list(self):
        """Finance recognises the revenue from the sealed list (SUP-EPM-02)."""
        return [
            {
                "recipient_department_id": self.env.ref("scm_base.dept_finance").id,
                "copy_type": "copy",
            }
        ]

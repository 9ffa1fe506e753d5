from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .closing_tools import project_for_create

# The units that file a copy of the signed acceptance form: MCD, Finance and
# Audit (PRJ-SC-08), MSD and Supervision (PRJ-TRK-08).
ACCEPTANCE_COPY_UNITS = (
    "scm_base.dept_mcd",
    "scm_base.dept_finance",
    "scm_base.dept_audit",
    "scm_base.dept_msd",
    "scm_base.dept_supervision_center",
)


class ScmProjectAcceptance(models.Model):
    """《项目实施验收单》, the Project Implementation Acceptance Form (FORMS.md
    52; PRJ-SC-07, PRJ-SC-08, PRJ-TRK-08).

    After the free run-in, the branch and the customer accept the system and
    the customer signs the form. The signature fully executes the contract
    (paid service period), makes its acceptance payments due, files copies
    with MCD, Finance, Audit, MSD and Supervision and moves the project to
    'accepted'."""

    _name = "scm.project.acceptance"
    _description = "Project Implementation Acceptance Form"
    # The customer-signature mixin comes before the document mixin: its
    # signature fields join the step fields only when its
    # `_scm_step_field_names` runs before the step guard's.
    _inherit = [
        "mail.thread",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.distribution.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = ("name", "prepared_by_id")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    runin_start = fields.Date(related="project_id.scm_runin_start")
    runin_end = fields.Date(related="project_id.scm_runin_end")
    contract_amount = fields.Monetary(
        related="project_id.scm_contract_amount", currency_field="currency_id"
    )
    currency_id = fields.Many2one(related="project_id.scm_currency_id")
    scope = fields.Text(
        string="Accepted Scope",
        help="The modules, functions and documents the customer accepts.",
    )
    conclusion = fields.Text(string="Acceptance Conclusion")
    state = fields.Selection(
        [("draft", "To Be Signed"), ("signed", "Signed by the Customer")],
        compute="_compute_state",
        store=True,
        string="Status",
    )

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one implementation acceptance form.",
        )
    ]

    @api.depends("customer_signed_date")
    def _compute_state(self):
        for record in self:
            record.state = "signed" if record.customer_signed_date else "draft"

    @api.model_create_multi
    def create(self, vals_list):
        # Checked before anything is written.
        for vals in vals_list:
            project = project_for_create(self, vals)
            project._scm_check_phase(("runin",), _("accepted by the customer"))
            self._scm_check_project_runin_ended(project)
        records = super().create(vals_list)
        for record in records:
            record._scm_step_write(
                {
                    "name": self.env["ir.sequence"]
                    .sudo()
                    .next_by_code("scm.project.acceptance")
                    or "/",
                    "prepared_by_id": self.env.user.id,
                }
            )
        return records

    def write(self, vals):
        if not self.env.su and set(vals) & {"scope", "conclusion"}:
            self._scm_check_project_open()
            for record in self:
                record._scm_check_project_worker(_("edit"))
                if record.customer_signed_date:
                    raise UserError(
                        _(
                            "%(doc)s is signed by the customer: it no longer changes.",
                            doc=record.display_name,
                        )
                    )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            for record in self:
                record._scm_check_project_worker(_("delete"))
                if record.customer_signed_date:
                    raise UserError(
                        _(
                            "%(doc)s is signed by the customer: it is kept.",
                            doc=record.display_name,
                        )
                    )
        return super().unlink()

    # -- PRJ-SC-07: not before the end of the run-in -----------------------------
    def _scm_check_runin_ended(self):
        for record in self:
            self._scm_check_project_runin_ended(record.project_id.sudo())

    @api.model
    def _scm_check_project_runin_ended(self, projects):
        for project in projects:
            if not project._scm_runin_ended():
                raise UserError(
                    _(
                        "The free run-in of %(doc)s ends on %(end)s: the project "
                        "cannot be accepted before (PRJ-SC-07).",
                        doc=project.display_name,
                        end=project.scm_runin_end or _("(not started)"),
                    )
                )

    # -- the customer's signature (PRJ-SC-08) ---------------------------------------
    def _scm_check_customer_may_sign(self):
        self.ensure_one()
        self.project_id.sudo()._scm_check_not_closed()
        self.project_id.sudo()._scm_check_phase(
            ("runin",), _("accepted by the customer")
        )
        self._scm_check_runin_ended()

    def _scm_customer_sign_earliest(self):
        earliest = super()._scm_customer_sign_earliest()
        return max(earliest, self.project_id.sudo().scm_runin_end or earliest)

    def _scm_distribution_list(self):
        return [
            {"recipient_department_id": self.env.ref(xmlid).id, "copy_type": "copy"}
            for xmlid in ACCEPTANCE_COPY_UNITS
        ]

    def _scm_on_customer_signed(self):
        self.ensure_one()
        self._scm_distribute()
        self.project_id.sudo()._scm_on_accepted(self)

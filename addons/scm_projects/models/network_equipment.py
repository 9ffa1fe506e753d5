from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# What the equipment list is made of: once the project is initiated these
# change only through an approved change request (SUP-EPM-03).
LIST_FIELDS = {"name", "model", "quantity", "supplier"}
# What the arrival records: the day a line was received and its serials.
ARRIVAL_FIELDS = {"received_on", "serial_numbers"}


class ScmProjectEquipment(models.Model):
    """An equipment line of a Network Engineering project: the device, its
    model, quantity and supplier, the day it was received and its serial
    numbers (SUP-EPM-01, SUP-EPM-02).

    The PM drafts the list while the project is being prepared; once it is
    initiated the list changes only through an approved
    scm.project.equipment.change (SUP-EPM-03). Receipts and serial numbers
    are recorded by the project team until the customer signs the sign-off
    list."""

    _name = "scm.project.equipment"
    _description = "Project Equipment Line"
    _inherit = ["scm.project.document.mixin"]
    _order = "project_id, sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Device", required=True)
    model = fields.Char()
    quantity = fields.Integer(required=True, default=1)
    supplier = fields.Char()
    received_on = fields.Date()
    serial_numbers = fields.Text(
        help="The serial number of every unit, one per line; required on every "
        "line before the customer signs the sign-off list (SUP-EPM-02).",
    )
    change_id = fields.Many2one(
        "scm.project.equipment.change",
        string="Added by Change",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    project_phase = fields.Selection(related="project_id.scm_phase", string="Phase")

    _scm_step_fields = ("change_id",)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive.")
    ]

    @api.depends("name", "model", "quantity")
    def _compute_display_name(self):
        for line in self:
            label = line.name or ""
            if line.model:
                label = f"{label} {line.model}"
            line.display_name = f"{label} × {line.quantity}" if label else ""

    @api.constrains("received_on")
    def _check_received_on(self):
        for line in self:
            if line.received_on and line.received_on > fields.Date.context_today(line):
                raise ValidationError(
                    _(
                        "%(line)s cannot be received in the future.",
                        line=line.display_name,
                    )
                )

    @api.constrains("project_id")
    def _check_network_project(self):
        for line in self.sudo():
            if line.project_id.scm_contract_id.contract_type != "network":
                raise ValidationError(
                    _(
                        "Equipment lines belong to Network Engineering projects "
                        "(SUP-EPM-01); %(doc)s is not one.",
                        doc=line.project_id.display_name,
                    )
                )

    # -- guard -------------------------------------------------------------------
    def _scm_list_change_error(self, project):
        return UserError(
            _(
                "%(doc)s is initiated: its equipment list changes only through "
                "an equipment change approved by the MCD manager (SUP-EPM-03).",
                doc=project.display_name,
            )
        )

    def _scm_check_signoff_open(self):
        for line in self.sudo():
            if line.project_id.scm_signoff_ids.filtered("customer_signed_date"):
                raise UserError(
                    _(
                        "The customer signed the equipment sign-off list of "
                        "%(doc)s: its equipment no longer changes.",
                        doc=line.project_id.display_name,
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
                if project.scm_contract_id.contract_type != "network":
                    raise ValidationError(
                        _(
                            "Equipment lines belong to Network Engineering "
                            "projects (SUP-EPM-01); %(doc)s is not one.",
                            doc=project.display_name,
                        )
                    )
                project._scm_check_not_closed()
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project team, the branch manager or MCD may "
                            "list the equipment of %(doc)s.",
                            doc=project.display_name,
                        )
                    )
                if project.scm_phase != "initiation_prep":
                    raise self._scm_list_change_error(project)
            if any(vals.get("received_on") for vals in vals_list):
                raise UserError(
                    _(
                        "Equipment is received once the project is initiated, "
                        "not listed as received."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_project_worker(_("change the equipment of"))
            if vals.keys() & LIST_FIELDS:
                for line in self.sudo():
                    if line.project_id.scm_phase != "initiation_prep":
                        raise self._scm_list_change_error(line.project_id)
            if vals.keys() & ARRIVAL_FIELDS:
                self._scm_check_signoff_open()
                if "received_on" in vals:
                    for line in self.sudo():
                        if line.project_id.scm_phase != "initiated":
                            raise UserError(
                                _(
                                    "Receipts of %(doc)s are recorded while it is "
                                    "initiated and its equipment is arriving.",
                                    doc=line.project_id.display_name,
                                )
                            )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_project_open()
            self._scm_check_project_worker(_("remove the equipment of"))
            for line in self.sudo():
                if line.project_id.scm_phase != "initiation_prep":
                    raise self._scm_list_change_error(line.project_id)
        return super().unlink()

    def _scm_serials(self):
        """The serial numbers of the line, one per line of text."""
        self.ensure_one()
        return [
            s.strip() for s in (self.serial_numbers or "").splitlines() if s.strip()
        ]

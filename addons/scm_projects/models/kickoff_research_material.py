from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Phases in which the customer provides material: the research, and the
# supplements the consultant asks for while writing the element documents
# (PRJ-ELEM-01).
MATERIAL_PHASES = ("research", "elements")
# What the receipt form (《文档签收单》) says: frozen once it is signed.
CONTENT_FIELDS = {
    "name",
    "material_type",
    "provider_id",
    "medium",
    "quantity",
    "description",
    "attachment_ids",
}


class ScmProjectResearchMaterial(models.Model):
    """A material the customer provided during the research (rules,
    reports and data, documents: PRJ-RES-01/03), numbered in the sequence of
    its providing department within the project ("销售部-003"), and received
    on the 《文档签收单》 (Document Receipt Form) that the AA PM and the
    customer-side provider both sign (PRJ-RES-01, PRJ-RES-04): only then does
    it count as received."""

    _name = "scm.project.research.material"
    _description = "Customer Research Material"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "scm.project.customer.sign.mixin",
        "scm.project.document.mixin",
        "scm.signature.mixin",
    ]
    _order = "project_id, department, serial, id"
    _rec_names_search = ["name", "number"]
    _scm_step_fields = ("number", "serial", "received_on")
    _scm_signature_activities = False

    name = fields.Char(string="Material", required=True, tracking=True)
    material_type = fields.Selection(
        [
            ("rules", "Management Rules"),
            ("reports", "Reports and Data"),
            ("documents", "Documents"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="documents",
    )
    department = fields.Char(
        string="Providing Department",
        required=True,
        help="The customer's department that provides the material; materials "
        "are numbered per providing department (PRJ-RES-03).",
    )
    provider_id = fields.Many2one(
        "res.partner",
        required=True,
        help="The customer's contact who handed over the material and signs "
        "its receipt.",
    )
    medium = fields.Selection(
        [
            ("paper", "Paper"),
            ("electronic", "Electronic"),
            ("both", "Paper and Electronic"),
        ],
        default="paper",
        required=True,
    )
    quantity = fields.Integer(string="Copies / Files", default=1)
    description = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "scm_project_research_material_attachment_rel",
        "material_id",
        "attachment_id",
        string="Electronic Documents",
        help="Stored with the project's access rules (PRJ-RES-01).",
    )
    number = fields.Char(readonly=True, copy=False, index=True)
    serial = fields.Integer(readonly=True, copy=False)
    received_on = fields.Date(
        readonly=True,
        copy=False,
        help="The day the receipt form was fully signed.",
    )
    received = fields.Boolean(compute="_compute_received", store=True)
    pm_signed = fields.Boolean(
        string="Signed by the AA PM", compute="_compute_pm_signed"
    )

    @api.depends("received_on")
    def _compute_received(self):
        for material in self:
            material.received = bool(material.received_on)

    @api.depends("customer_signed_date")
    def _compute_customer_signed(self):
        # The customer-sign mixin's compute declares no dependency: without
        # one the stored flag would never follow the signature.
        return super()._compute_customer_signed()

    def _compute_pm_signed(self):
        for material in self:
            material.pm_signed = material._scm_pm_has_signed()

    def _scm_pm_has_signed(self):
        """Read from the signatures themselves, not from a cached field: a
        step may have signed earlier in the same transaction."""
        self.ensure_one()
        if not self.id:
            return False
        return bool(
            self.env["scm.signature"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("slot", "=", "pm"),
                    ("state", "=", "signed"),
                ]
            )
        )

    @api.depends("number", "name")
    def _compute_display_name(self):
        for material in self:
            material.display_name = " ".join(
                filter(None, [material.number, material.name])
            )

    # -- constraints ---
    @api.constrains("department")
    def _check_department(self):
        for material in self:
            if not (material.department or "").strip():
                raise ValidationError(_("Name the customer's providing department."))

    @api.constrains("quantity")
    def _check_quantity(self):
        for material in self:
            if material.quantity <= 0:
                raise ValidationError(_("A material has at least one copy or file."))

    @api.constrains("provider_id", "project_id")
    def _check_provider(self):
        for material in self:
            customer = material.sudo().project_id.partner_id.commercial_partner_id
            if material.sudo().provider_id.commercial_partner_id != customer:
                raise ValidationError(
                    _(
                        "%(contact)s is not a contact of the project's customer.",
                        contact=material.sudo().provider_id.display_name,
                    )
                )

    # -- CRUD ---
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("department"):
                vals["department"] = vals["department"].strip()
        if not self.env.su:
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project team, the branch manager or MCD may "
                            "register the materials of %(project)s.",
                            project=project.display_name,
                        )
                    )
                project._scm_check_phase(MATERIAL_PHASES, _("given research materials"))
        materials = super().create(vals_list)
        # The number is issued last in the transaction (scm.numbering).
        for material in materials:
            material._scm_assign_number()
        return materials

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._scm_check_project_worker(_("change"))
            if "department" in vals:
                raise UserError(
                    _(
                        "A material keeps the providing department it was numbered "
                        "in (PRJ-RES-03)."
                    )
                )
            if vals.keys() & CONTENT_FIELDS:
                for material in self:
                    if material.customer_signed_date or material._scm_pm_has_signed():
                        raise UserError(
                            _(
                                "The receipt of %(doc)s is signed: the material is "
                                "no longer changed.",
                                doc=material.display_name,
                            )
                        )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(
                _(
                    "A numbered material is kept: the numbers of a department "
                    "have no gaps (PRJ-RES-03)."
                )
            )
        return super().unlink()

    # -- numbering (PRJ-RES-03) ---
    def _scm_assign_number(self):
        """The next number of the providing department within the project,
        e.g. "销售部-003", gap-free (scm.numbering). The issued number is
        unique across the suite, so it carries the project; the material
        shows the department and serial."""
        self.ensure_one()
        if self.number:
            return self.number
        department = self.department.strip()
        key = f"scm.project.research.material/{self.project_id.id}/{department}"
        escaped = department.replace("{", "{{").replace("}", "}}")
        __, serial, __ = (
            self.env["scm.numbering"]
            .sudo()
            ._take(
                key,
                f"PRJ{self.project_id.id}/{escaped}-{{serial}}",
                document=self,
                max_serial=99999,
            )
        )
        number = f"{department}-{str(serial).zfill(3)}"
        self._scm_step_write({"serial": serial, "number": number})
        return number

    # -- receipt form (PRJ-RES-01/04) ---
    def _scm_signature_slots(self):
        self.ensure_one()
        return [
            {
                "slot": "pm",
                "name": _("AA Project Manager (receipt)"),
                "required_user_id": self.sudo().project_id.user_id.id,
            }
        ]

    def action_sign_pm(self):
        """The AA PM signs the receipt form of the material."""
        for material in self:
            material.action_scm_sign("pm")
            material._scm_update_received()
        return True

    def _scm_on_customer_signed(self):
        self._scm_update_received()

    def _scm_update_received(self):
        """Received once both the PM and the provider signed."""
        for material in self:
            if material.received_on:
                continue
            if material.customer_signed and not material._scm_missing_signatures():
                material._scm_step_write(
                    {"received_on": fields.Date.context_today(material)}
                )
                material.sudo().message_post(
                    body=_("Receipt form signed by both sides: material received.")
                )

    def _scm_final_report(self):
        return self.env.ref("scm_projects.action_report_scm_project_research_material")

    def action_print_receipt(self):
        self.ensure_one()
        return self._scm_final_report().report_action(self)

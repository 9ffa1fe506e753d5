from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# The team on both sides (PRJ-KICK-03).
AA_ROLES = [
    ("pm", "Project Manager"),
    ("consultant", "Consultant"),
    ("requirement", "Requirement Staff"),
    ("software", "Software Designer"),
    ("qc", "QC Staff"),
    ("network", "Network Engineering Staff"),
]
CUSTOMER_ROLES = [
    ("group_leader", "Leading Group Leader"),
    ("vice_president", "Vice President"),
    ("dept_manager", "Department Manager"),
    ("key_staff", "Key Staff"),
    ("it_staff", "IT Staff"),
]


class ScmProjectMember(models.Model):
    """A member of a project team, on AA's side (a user of the suite) or the
    customer's (a contact of the customer), with the role the manual names
    (PRJ-KICK-03, PRJ-INIT-03/04)."""

    _name = "scm.project.member"
    _description = "Project Team Member"
    _inherit = ["scm.project.document.mixin"]
    _order = "project_id, side, sequence, id"

    sequence = fields.Integer(default=10)
    side = fields.Selection(
        [("aa", "AA"), ("customer", "Customer")], required=True, default="aa"
    )
    role = fields.Selection(AA_ROLES + CUSTOMER_ROLES, required=True)
    user_id = fields.Many2one(
        "res.users", string="AA Member", domain="[('share', '=', False)]"
    )
    customer_contact_id = fields.Many2one("res.partner")
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        help="The AA unit the member comes from (branch, MCD, MRD, Software, QC).",
    )
    date_from = fields.Date(string="Joined On", default=fields.Date.context_today)
    date_to = fields.Date(string="Left On", readonly=True, copy=False)
    active = fields.Boolean(default=True)

    @api.depends("user_id", "customer_contact_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            who = member.user_id.name or member.customer_contact_id.name or ""
            member.display_name = f"{who} ({roles.get(member.role, '')})"

    @api.constrains("side", "role", "user_id", "customer_contact_id")
    def _check_side(self):
        aa_roles = {key for key, __ in AA_ROLES}
        for member in self:
            if member.side == "aa":
                if member.role not in aa_roles or not member.user_id:
                    raise ValidationError(
                        _("An AA member is a user of the company in an AA role.")
                    )
                if member.customer_contact_id:
                    raise ValidationError(_("An AA member is not a customer contact."))
            else:
                if member.role in aa_roles or not member.customer_contact_id:
                    raise ValidationError(
                        _(
                            "A customer member is a contact of the customer in a "
                            "customer role."
                        )
                    )
                if member.user_id:
                    raise ValidationError(_("A customer member is not a user of AA."))

    @api.constrains("customer_contact_id", "project_id")
    def _check_customer_contact(self):
        for member in self.filtered("customer_contact_id"):
            customer = member.sudo().project_id.partner_id.commercial_partner_id
            if member.customer_contact_id.commercial_partner_id != customer:
                raise ValidationError(
                    _(
                        "%(contact)s is not a contact of the project's customer.",
                        contact=member.customer_contact_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Checked before the new member exists: a member works the project.
            projects = self.env["project.project"].browse(
                {vals.get("project_id") for vals in vals_list if vals.get("project_id")}
            )
            for project in projects.sudo():
                if not project._scm_is_worker(self.env.user):
                    raise UserError(
                        _(
                            "Only the project manager, the branch manager or MCD "
                            "may add members to the team of %(project)s.",
                            project=project.display_name,
                        )
                    )
        members = super().create(vals_list)
        members._scm_follow_project()
        return members

    def write(self, vals):
        if not self.env.su:
            self._scm_check_project_worker(_("change the team of"))
            if {"project_id", "side"} & vals.keys():
                raise UserError(_("A team member stays on their project and side."))
        result = super().write(vals)
        if "user_id" in vals or "active" in vals:
            self._scm_follow_project()
        return result

    def unlink(self):
        if not self.env.su:
            raise UserError(
                _(
                    "A team member who leaves is recorded as a change, not deleted "
                    "(PRJ-INIT-05)."
                )
            )
        return super().unlink()

    def _scm_follow_project(self):
        """AA members follow the project: Odoo shows an invited-members
        project to its followers."""
        for member in self.filtered(lambda m: m.side == "aa" and m.active):
            member.project_id.sudo().message_subscribe(
                partner_ids=member.user_id.partner_id.ids
            )

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .closing_tools import project_for_create

# The customer archive handed over to customer service (PRJ-HAND-03).
HANDOVER_ITEMS = (
    "Element documents",
    "Training plan sheet",
    "Operation assessment record",
    "Initialisation data checklist",
    "Contract (copy)",
    "Implementation plans",
    "Run-in fault records",
    "Customer contacts and system account list",
)
# From the run-in on: the customer's initialisation data has been entered.
HANDOVER_PHASES = ("runin", "accepted", "service")


class ScmProjectHandover(models.Model):
    """《客户服务交接单》, the Customer Service Handover Form (FORMS.md 72;
    PRJ-HAND-03, SUP-SVCN-02).

    After the customer's initialisation data has been entered, the
    implementation side (the PM or a member of the project team) hands the
    customer archive over to the branch's customer service (a service staff
    member of the branch or its manager). The archive items are ticked and
    both sides sign; the project cannot close without it."""

    _name = "scm.project.handover"
    _description = "Customer Service Handover Form"
    _inherit = [
        "mail.thread",
        "scm.project.document.mixin",
        "scm.signature.mixin",
    ]
    _order = "id desc"
    _scm_step_fields = ("name", "prepared_by_id")
    # The document's steps say who signs: the slots are not activities of a
    # group.
    _scm_signature_activities = False

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    handover_date = fields.Date(default=fields.Date.context_today, required=True)
    service_user_id = fields.Many2one(
        related="project_id.scm_service_user_id", string="Service Owner"
    )
    line_ids = fields.One2many(
        "scm.project.handover.line", "handover_id", string="Archive Items"
    )
    note = fields.Text(string="Remarks")
    state = fields.Selection(
        [
            ("draft", "Items Being Handed Over"),
            ("signing", "Being Signed"),
            ("done", "Signed by Both Sides"),
        ],
        string="Status",
        compute="_compute_state",
    )

    _sql_constraints = [
        (
            "project_unique",
            "unique(project_id)",
            "A project has one customer service handover form.",
        )
    ]

    def _compute_state(self):
        for record in self:
            signed = record.scm_signature_ids.filtered(lambda s: s.state == "signed")
            if record.scm_signatures_complete:
                record.state = "done"
            elif signed:
                record.state = "signing"
            else:
                record.state = "draft"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("line_ids"):
                vals["line_ids"] = [
                    (0, 0, {"sequence": sequence, "name": item})
                    for sequence, item in enumerate(HANDOVER_ITEMS, start=1)
                ]
            project = project_for_create(self, vals)
            project._scm_check_phase(
                HANDOVER_PHASES, _("handed over to customer service")
            )
        records = super().create(vals_list)
        for record in records:
            record._scm_step_write(
                {
                    "name": self.env["ir.sequence"]
                    .sudo()
                    .next_by_code("scm.project.handover")
                    or "/",
                    "prepared_by_id": self.env.user.id,
                }
            )
        return records

    def write(self, vals):
        if not self.env.su and set(vals) & {"handover_date", "note", "line_ids"}:
            self._scm_check_items_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._scm_check_items_editable()
        return super().unlink()

    def _scm_check_items_editable(self):
        """The implementation side fills the form until its first signature."""
        if self.env.su:
            return
        self._scm_check_project_open()
        for record in self:
            record._scm_check_project_worker(_("fill in"))
            if record.sudo().scm_signature_ids.filtered(lambda s: s.state == "signed"):
                raise UserError(
                    _(
                        "%(doc)s is being signed: its items no longer change.",
                        doc=record.display_name,
                    )
                )

    # -- signatures (PRJ-HAND-03, SUP-SVCN-02) ---------------------------------------
    def _scm_signature_slots(self):
        self.ensure_one()
        project = self.project_id.sudo()
        return [
            {
                "slot": "implementation",
                "name": _("Implementation Side"),
                "required_user_id": project.user_id.id,
            },
            {
                "slot": "service",
                "name": _("Customer Service Side"),
                "required_user_id": project.scm_service_user_id.id,
                "required_group_id": self.env.ref("scm_base.group_service_staff").id,
            },
        ]

    def _scm_may_sign(self, slot, user):
        """Implementation side: the PM (or delegate) or an AA team member.
        Service side: the branch's service owner, its manager or a service
        staff member of the branch."""
        self.ensure_one()
        project = self.project_id.sudo()
        if slot == "implementation":
            return project._scm_acts_as_pm(user) or user in project.scm_member_user_ids
        if slot == "service":
            if user in (
                project.scm_service_user_id | project.company_id.scm_manager_id
            ):
                return True
            return (
                user.has_group("scm_base.group_service_staff")
                and user._scm_is_member_of_company(project.company_id)
                and user not in project.scm_member_user_ids
                and user != project.user_id
            )
        return False

    def action_scm_sign(self, slot):
        self.ensure_one()
        self.check_access("read")
        project = self.project_id.sudo()
        project._scm_check_not_closed()
        user = self.env.user
        if slot not in ("implementation", "service"):
            raise UserError(
                _("This document asks for no signature %(slot)s.", slot=slot)
            )
        if not self._scm_may_sign(slot, user):
            sides = {
                "implementation": _("implementation side"),
                "service": _("customer service side"),
            }
            raise UserError(
                _(
                    "You may not sign %(doc)s for the %(side)s: the PM or a member "
                    "of the project team signs for implementation, the branch's "
                    "service owner, manager or service staff for customer "
                    "service.",
                    doc=self.display_name,
                    side=sides[slot],
                )
            )
        missing = self.sudo().line_ids.filtered(lambda line: not line.handed_over)
        if missing:
            raise UserError(
                _(
                    "Tick every archive item before signing %(doc)s: %(items)s.",
                    doc=self.display_name,
                    items=", ".join(missing.mapped("name")),
                )
            )
        self._scm_signature_prepare()
        signature = self.sudo().scm_signature_ids.filtered(lambda s: s.slot == slot)
        if signature.state == "signed":
            raise UserError(
                _(
                    "%(name)s was already signed by %(signer)s.",
                    name=signature.name,
                    signer=signature.signer_id.name,
                )
            )
        other = self.sudo().scm_signature_ids.filtered(
            lambda s: s.slot != slot and s.state == "signed"
        )
        if user in other.signer_id:
            raise UserError(_("The same person cannot sign for both sides."))
        signature.write(
            {
                "signer_id": user.id,
                "signed_at": fields.Datetime.now(),
                "state": "signed",
            }
        )
        self.sudo().message_post(
            body=_("Signed: %(name)s by %(who)s", name=signature.name, who=user.name)
        )
        return True

    def action_sign_implementation(self):
        return self.action_scm_sign("implementation")

    def action_sign_service(self):
        return self.action_scm_sign("service")

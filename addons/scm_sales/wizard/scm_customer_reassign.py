from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

REASONS = [
    ("no_contact", "No contact within a week"),
    ("conflict", "Ownership conflict decided"),
    ("allocation", "Allocation"),
    ("dispatch", "HQ market dispatch to another branch"),
]


class ScmCustomerReassign(models.TransientModel):
    """Changes who owns customers or campaign leads, or, for HQ marketing,
    which branch works them, always with a logged reason (SAL-CUST-04..06,
    SAL-TERR-04)."""

    _name = "scm.customer.reassign"
    _description = "Reassign Customers"

    partner_ids = fields.Many2many("res.partner", string="Customers")
    lead_ids = fields.Many2many("crm.lead", string="Opportunities")
    reason_type = fields.Selection(REASONS, string="Why", required=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        domain=[("parent_id", "!=", False)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="New Owner",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        # The branch's own people: HQ users hold every branch in their switcher.
        domain="[('share', '=', False), ('company_id', '=', company_id)]",
    )
    reason = fields.Text(required=True)
    load_summary = fields.Html(
        string="Consultants' Load", compute="_compute_load_summary"
    )

    @api.depends("partner_ids", "lead_ids")
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = (
                wizard.partner_ids[:1].company_id or wizard.lead_ids[:1].company_id
            )

    def _consultant_loads(self):
        """Each consultant of the branch with the customers and open leads
        they handle, least loaded first (SAL-CUST-05)."""
        self.ensure_one()
        if not self.company_id:
            return []
        consultants = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("groups_id", "in", self.env.ref("scm_base.group_consultant").id),
                ]
            )
        )
        customer_counts = dict(
            self.env["res.partner"]
            .sudo()
            ._read_group(
                [("scm_is_customer", "=", True), ("user_id", "in", consultants.ids)],
                ["user_id"],
                ["__count"],
            )
        )
        lead_counts = dict(
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [("user_id", "in", consultants.ids), ("active", "=", True)],
                ["user_id"],
                ["__count"],
            )
        )
        loads = [
            (user, customer_counts.get(user, 0), lead_counts.get(user, 0))
            for user in consultants
        ]
        return sorted(loads, key=lambda load: (load[1] + load[2], load[0].id))

    @api.depends("company_id", "reason_type")
    def _compute_user_id(self):
        for wizard in self:
            loads = wizard._consultant_loads()
            wizard.user_id = loads[0][0] if loads else False

    @api.depends("company_id")
    def _compute_load_summary(self):
        for wizard in self:
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (escape(user.name), customers, leads)
                for user, customers, leads in wizard._consultant_loads()
            )
            wizard.load_summary = Markup(
                "<table class='table table-sm'><tr><th>%s</th><th>%s</th>"
                "<th>%s</th></tr>%s</table>"
            ) % (_("Consultant"), _("Customers"), _("Open Opportunities"), rows)

    def _check_rights(self):
        Partner = self.env["res.partner"]
        hq = Partner._scm_user_is_hq_marketing()
        if self.reason_type == "dispatch":
            if not hq:
                raise UserError(_("Only HQ marketing dispatches between branches."))
            return
        for record in [*self.partner_ids, *self.lead_ids]:
            if not (hq or Partner._scm_user_manages_branch(record.company_id)):
                raise UserError(
                    _(
                        "Only the manager of %(branch)s reassigns its customers.",
                        branch=record.company_id.name,
                    )
                )
        self._check_new_owner()
        if self.reason_type == "no_contact":
            late = self.partner_ids.filtered("scm_contact_overdue")
            if late != self.partner_ids or self.lead_ids:
                raise UserError(
                    _(
                        "A customer is taken back for lack of contact only after "
                        "a week without any contact (SAL-CUST-06)."
                    )
                )
        if self.reason_type == "allocation" and self.partner_ids.filtered("user_id"):
            raise UserError(
                _("Allocation is for customers without an owner; give the reason.")
            )

    def _check_new_owner(self):
        """The new owner works in the branch that will hold the records."""
        for record in [*self.partner_ids, *self.lead_ids]:
            branch = (
                self.company_id if self.reason_type == "dispatch" else record.company_id
            )
            if (
                self.user_id
                and branch
                and not self.user_id._scm_is_member_of_company(branch)
            ):
                raise UserError(
                    _(
                        "%(user)s does not work at %(branch)s and cannot own its "
                        "customers.",
                        user=self.user_id.name,
                        branch=branch.name,
                    )
                )

    def action_apply(self):
        self.ensure_one()
        if not self.partner_ids and not self.lead_ids:
            raise UserError(_("Select the customers or opportunities to reassign."))
        self._check_rights()
        reason_label = dict(self._fields["reason_type"].selection)[self.reason_type]
        body = Markup("%s<br/>%s") % (reason_label, self.reason)
        partner_vals = {"user_id": self.user_id.id}
        lead_vals = {"user_id": self.user_id.id}
        if self.reason_type == "dispatch":
            partner_vals.update(
                company_id=self.company_id.id, scm_dispatched_by_id=self.env.uid
            )
            lead_vals["company_id"] = self.company_id.id
        # Rights were checked above: the reassignment is this step's write.
        self.partner_ids._scm_step_write(partner_vals)
        self.lead_ids.write(lead_vals)
        for record in [*self.partner_ids, *self.lead_ids]:
            record.message_post(body=body, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close"}

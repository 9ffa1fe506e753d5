from odoo import _, api, fields, models
from odoo.exceptions import AccessError

DUTIES = [
    ("collection", "Collect Payments per Progress"),
    ("monitoring", "Guide Implementation and Monitor Progress"),
    ("notification", "Informed of the Contract"),
    ("implementation", "Implement the Project"),
    ("audit", "Audit Implementation against the Contract"),
]


class ScmContractDuty(models.Model):
    """What a unit owes once the contract takes effect (CON-SC-08, CON-SEC-09,
    CON-TS-04, CON-BR-05): Finance collects, MCD monitors and tells MRD, the
    Audit Dept audits, the Brand Operation Center implements."""

    _name = "scm.contract.duty"
    _description = "Contract Post-Effect Duty"
    _inherit = ["scm.step.guard.mixin"]
    # Opened when the contract takes effect, closed by the unit's manager.
    _scm_step_fields = ("contract_id", "duty", "department_id", "user_id", "state")
    _order = "contract_id, id"

    contract_id = fields.Many2one(
        "scm.contract", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    duty = fields.Selection(DUTIES, required=True, readonly=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, readonly=True
    )
    user_id = fields.Many2one("res.users", string="Owner", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")], default="open", readonly=True
    )
    notice_id = fields.Many2one("scm.notice", readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True)

    @api.depends("contract_id", "duty")
    def _compute_display_name(self):
        labels = dict(self._fields["duty"]._description_selection(self.env))
        for duty in self:
            duty.display_name = " · ".join(
                filter(
                    None,
                    [duty.contract_id.sudo().display_name, labels.get(duty.duty)],
                )
            )

    @api.model
    def _scm_create_for(self, contract, duty, department):
        manager = department.sudo().manager_id.user_id
        duty_label = dict(self._fields["duty"]._description_selection(self.env))[duty]
        values = {
            "contract_id": contract.id,
            "duty": duty,
            "department_id": department.id,
            "user_id": manager.id,
        }
        if duty == "notification":
            # MCD informs MRD at the same time (CON-SC-08).
            sender = self.env.ref("scm_base.dept_mcd").sudo().manager_id.user_id
            if manager:
                values["notice_id"] = contract._scm_notify(
                    sender,
                    _("Contract in effect: %(doc)s", doc=contract.display_name),
                    _(
                        "%(doc)s with %(customer)s took effect on %(date)s.",
                        doc=contract.display_name,
                        customer=contract.partner_id.display_name,
                        date=contract.effective_date,
                    ),
                    manager,
                ).id
            values["state"] = "done"
        elif manager:
            values["activity_id"] = (
                contract.sudo()
                .activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=duty_label,
                    note=_(
                        "Contract in effect since %(date)s",
                        date=contract.effective_date,
                    ),
                    user_id=manager.id,
                )
                .id
            )
        return self.create(values)

    def action_done(self):
        for duty in self:
            if not (
                self.env.user == duty.user_id
                or self.env.user.has_group("scm_base.group_scm_admin")
            ):
                raise AccessError(_("Only the unit's manager closes its duty."))
        self.sudo().write({"state": "done"})
        self.activity_id.sudo().action_feedback()
        return True

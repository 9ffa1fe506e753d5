from odoo import fields, models


class ScmAuditDecisionWizard(models.TransientModel):
    """Confirm or dismiss proposals of the work queue, with the reason a
    dismissal (or a level-3 confirmation) needs."""

    _name = "scm.audit.decision.wizard"
    _description = "Decide on Work Queue Proposals"

    proposal_ids = fields.Many2many("scm.audit.proposal", required=True)
    decision = fields.Selection(
        [("confirm", "Confirm as Findings"), ("dismiss", "Dismiss")],
        required=True,
        default="confirm",
    )
    reason = fields.Text()

    def action_decide(self):
        self.ensure_one()
        if self.decision == "dismiss":
            self.proposal_ids.action_dismiss(self.reason)
            return {"type": "ir.actions.act_window_close"}
        findings = self.proposal_ids.action_confirm(self.reason)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Findings"),
            "res_model": "scm.audit.finding",
            "view_mode": "list,form",
            "domain": [("id", "in", findings.ids)],
            "target": "current",
        }

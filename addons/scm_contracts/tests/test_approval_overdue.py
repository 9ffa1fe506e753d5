from datetime import timedelta

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import ScmContractsCase


class TestApprovalOverdueReport(ScmContractsCase):
    """合同 › 报表 › 审批逾期 lists the contracts whose approver let the
    working-day deadline of the decision pass (ORG-RULE-09), and only them."""

    def listed(self, user):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "scm_contracts.action_scm_contract_approval_overdue"
        )
        context = safe_eval(action.get("context") or "{}", {"uid": user.id})
        # Default filters of one group are ORed by the web client: the action
        # must not rely on them to restrict what it lists.
        filters = [
            key
            for key in context
            if key.startswith("search_default_") and not key.endswith("group_company")
        ]
        self.assertFalse(filters, "the action relies on default filters")
        domain = safe_eval(action["domain"], {"uid": user.id})
        return self.Contract.with_user(user).search(domain)

    def test_org_rule_09_only_late_approvals_are_listed(self):
        """ORG-RULE-09: a contract submitted today is not late; once the
        approver's deadline passed it is listed; a late deadline of a contract
        that is no longer under approval does not count."""
        contract = self.new_contract()
        self.submit(contract)
        self.assertEqual(contract.state, "to_approve")
        self.assertNotIn(contract, self.listed(self.mc_manager))
        deadline = contract._scm_deadlines("ORG-RULE-09")
        self.assertTrue(deadline)
        deadline.sudo().write({"due_date": fields.Datetime.now() - timedelta(days=3)})
        self.assertIn(contract, self.listed(self.mc_manager))
        self.assertTrue(contract.scm_approval_overdue)
        # Decided: no longer under approval, no longer listed.
        self.approve(contract, self.mc_manager, "同意。")
        self.assertNotEqual(contract.state, "to_approve")
        self.assertNotIn(contract, self.listed(self.mc_manager))

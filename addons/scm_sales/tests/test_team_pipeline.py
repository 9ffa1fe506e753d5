from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestTeamPipeline(TransactionCase):
    """A manager's pipeline at a glance: the opportunities of the sales teams
    they lead or belong to."""

    def pipeline_of(self, login):
        user = self.env.ref(f"scm_base.user_{login.replace('.', '_')}")
        action = self.env.ref("scm_sales.action_scm_team_pipeline")
        domain = safe_eval(action.domain, {"uid": user.id})
        env = self.env(user=user, context={"allowed_company_ids": [user.company_id.id]})
        return env["crm.lead"].search(domain)

    def test_branch_manager_sees_his_team_pipeline(self):
        """The Wuhan manager's pipeline holds Wuhan's opportunities only."""
        leads = self.pipeline_of("wh.manager")
        self.assertTrue(leads)
        self.assertEqual(leads.company_id, self.env.ref("scm_base.company_wh"))
        self.assertIn("楚风", " ".join(leads.mapped("partner_id.name")))
        beijing = self.pipeline_of("bj.manager")
        self.assertTrue(beijing)
        self.assertFalse(leads & beijing)

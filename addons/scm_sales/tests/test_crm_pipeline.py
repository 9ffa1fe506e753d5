from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_proposal import PANEL, ProposalCase


@tagged("post_install", "-at_install")
class TestCrmPipeline(ProposalCase):
    """CRM as its users meet it: each branch sells through its own team, the
    EMT proposal answers an opportunity and moves it through the suite's
    stages, and each approval button says what happened and who acts next."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
        ref = cls.env.ref
        cls.stage_proposal = ref("scm_sales.crm_stage_proposal")
        cls.stage_review = ref("scm_sales.crm_stage_review")
        cls.stage_customer = ref("scm_sales.crm_stage_customer")
        cls.Lead = cls.env["crm.lead"]

    def new_customer_proposal(self, **vals):
        customer = self.new_customer(name="测试楚天服饰有限公司")
        return self.new_proposal(partner_id=customer.id, **vals), customer

    # -- teams ------------------------------------------------------------------
    def test_demo_branch_teams_and_hq_team(self):
        """Each seeded branch has its team (company = branch, leader = its
        manager, members = its sellers); msd.manager is in the HQ team and it
        is his default team, so his pipeline is not Odoo's sample."""
        ref = self.env.ref
        branches = {
            "bj": ("bj.manager", "bj.consultant", "bj.consultant2"),
            "wh": ("wh.manager", "wh.consultant", "wh.consultant2"),
            "wx": ("wx.manager",),
            "wz": ("wz.manager",),
            "xa": ("xa.manager",),
            "cq": ("cq.manager",),
        }
        for code, logins in branches.items():
            company = ref(f"scm_base.company_{code}")
            team = ref(f"scm_sales.crm_team_{code}")
            self.assertEqual(company._scm_sales_team(), team)
            self.assertEqual(team.company_id, company)
            self.assertEqual(team.user_id, company.scm_manager_id)
            members = team.member_ids.mapped("login")
            for login in logins:
                self.assertIn(login, members)
        hq_team = ref("scm_sales.crm_team_hq")
        msd = self.users["msd.manager"]
        self.assertEqual(hq_team.company_id, self.hq)
        self.assertIn(msd, hq_team.member_ids)
        self.assertEqual(
            self.env["crm.team"].with_user(msd)._get_default_team_id(user_id=msd.id),
            hq_team,
        )
        wh_team = ref("scm_sales.crm_team_wh")
        self.assertEqual(
            self.env["crm.team"]
            .with_user(self.consultant)
            ._get_default_team_id(user_id=self.consultant.id),
            wh_team,
        )

    def test_demo_pipeline_is_the_suite_story(self):
        """Odoo's English sample opportunities are gone; the story's
        opportunities sit in their branch's team at the stage of their
        documents."""
        ref = self.env.ref
        odoo_leads = self.env["ir.model.data"].search(
            [("module", "=", "crm"), ("model", "=", "crm.lead")]
        )
        self.assertFalse(self.Lead.browse(odoo_leads.mapped("res_id")).exists())
        chufeng = ref("scm_sales.lead_wh_chufeng")
        self.assertEqual(chufeng.team_id, ref("scm_sales.crm_team_wh"))
        self.assertEqual(ref("scm_sales.proposal_wh_chufeng").lead_id, chufeng)
        jinghua = ref("scm_sales.lead_bj_jinghua")
        self.assertEqual(ref("scm_sales.proposal_bj_jinghua").lead_id, jinghua)
        self.assertEqual(jinghua.stage_id, self.stage_review)

    # -- the proposal moves its opportunity ------------------------------------------
    def test_proposal_takes_the_customers_open_opportunity(self):
        """A proposal for a customer answers its open opportunity of the
        branch; without one it opens one in the consultant's team."""
        customer = self.new_customer(name="测试江城服饰有限公司")
        lead = self.Lead.with_user(self.consultant).create(
            {
                "name": "江城服饰 SCMS",
                "type": "opportunity",
                "partner_id": customer.id,
                "company_id": self.wuhan.id,
                "user_id": self.consultant.id,
            }
        )
        proposal = self.new_proposal(partner_id=customer.id)
        self.assertEqual(proposal.lead_id, lead)
        self.assertEqual(lead.stage_id, self.stage_proposal)
        other, other_customer = self.new_customer_proposal()
        self.assertEqual(other.lead_id.partner_id, other_customer)
        self.assertEqual(other.lead_id.company_id, self.wuhan)
        self.assertEqual(other.lead_id.team_id, self.env.ref("scm_sales.crm_team_wh"))
        self.assertEqual(other.lead_id.stage_id, self.stage_proposal)

    def test_proposal_steps_move_the_opportunity(self):
        """Sent to MSD: 方案评审; approved by the panel: 客户确认 with the quoted
        amount; refused by the customer: back to 方案编制 (the branch revises),
        as the demo users act through the proposal's steps."""
        proposal, _customer = self.new_customer_proposal()
        lead = proposal.lead_id
        self.sign_and_send(proposal)
        self.assertEqual(lead.stage_id, self.stage_review)
        self.opine(proposal, "msd.manager")
        self.panel_approves(proposal)
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(lead.stage_id, self.stage_customer)
        self.assertEqual(lead.expected_revenue, 380000)
        as_manager = proposal.with_user(self.manager)
        as_manager.action_send_to_customer()
        self.assertEqual(lead.stage_id, self.stage_customer)
        as_manager.write({"customer_feedback": "实施周期过长。"})
        as_manager.action_customer_reject()
        self.assertEqual(lead.stage_id, self.stage_proposal)
        self.assertTrue(lead.active)
        # A client cannot move the opportunity by writing the proposal's stage.
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).write({"stage": "customer_accepted"})
        self.assertEqual(lead.stage_id, self.stage_proposal)

    # -- what happened and who acts next ---------------------------------------------
    def test_approval_buttons_name_the_next_actor(self):
        """Send, approve and reject return a notification naming who acts
        next, and close/reload the form."""
        proposal, _customer = self.new_customer_proposal()
        proposal.with_user(self.manager).action_branch_sign()
        result = proposal.with_user(self.manager).action_scm_submit()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(
            result["params"]["next"]["type"], "ir.actions.act_window_close"
        )
        self.assertIn(self.msd.name, result["params"]["message"])
        result = proposal.with_user(self.msd).action_scm_decide("approve", "同意")
        self.assertEqual(result["tag"], "display_notification")
        message = result["params"]["message"]
        for login in PANEL:
            self.assertIn(self.users[login].name, message)
        result = proposal.with_user(self.users["qc.manager"]).action_scm_decide(
            "reject", "报价依据不足。"
        )
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn(self.manager.name, result["params"]["message"])

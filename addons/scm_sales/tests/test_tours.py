from odoo.tests import HttpCase, tagged

from odoo.addons.scm_base.tests.common import china_today

from .test_proposal import PANEL

TITLE = "网测服饰 SCMS 企业管理改造项目（导览）"


@tagged("post_install", "-at_install")
class TestProposalTours(HttpCase):
    """The EMT proposal in the browser, each step in its user's own login with
    the company selection the web client gives after login (tours in
    static/tests/tours/scm_sales_proposal_tours.js)."""

    def test_sal_prop_emt_proposal_from_consultant_to_customer_acceptance(self):
        """SAL-PROP-01/03/04/06/08: wh.consultant writes the proposal,
        wh.manager signs it and sends it to MSD, msd.manager pre-reviews it,
        the five panel members approve it, wh.manager submits it to the
        customer and records the acceptance."""
        consultant = self.env.ref("scm_base.user_wh_consultant")
        customer = (
            self.env["res.partner"]
            .with_user(consultant)
            .create(
                {
                    "name": "武汉网测服饰有限公司",
                    "is_company": True,
                    "scm_is_customer": True,
                    "company_id": consultant.company_id.id,
                    "state_id": self.env.ref("base.state_cn_HB").id,
                    "scm_source_channel": "exhibition",
                    "scm_collected_date": china_today(),
                    "scm_customer_class": "potential",
                }
            )
        )
        action = "/odoo/action-scm_sales.action_scm_sales_proposal"
        self.start_tour(
            f"{action}/new",
            "scm_sales_proposal_consultant_writes",
            login="wh.consultant",
        )
        proposal = self.env["scm.sales.proposal"].search([("title", "=", TITLE)])
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.partner_id, customer)
        self.assertEqual(proposal.consultant_id, consultant)
        self.assertEqual(proposal.company_id, consultant.company_id)

        url = f"{action}/{proposal.id}"
        self.start_tour(url, "scm_sales_proposal_branch_sends", login="wh.manager")
        self.assertTrue(proposal.branch_signed)
        self.assertEqual(proposal.stage, "msd_prereview")
        self.start_tour(
            url, "scm_sales_proposal_reviewer_approves", login="msd.manager"
        )
        self.assertEqual(proposal.stage, "panel_review")
        for login in PANEL:
            self.start_tour(url, "scm_sales_proposal_reviewer_approves", login=login)
        self.assertEqual(proposal.stage, "approved")
        self.assertEqual(proposal.state, "approved")
        opinions = proposal.sudo().scm_approval_round_ids.opinion_ids
        self.assertEqual(
            set(opinions.mapped("reviewer_id.login")), {"msd.manager", *PANEL}
        )
        self.assertEqual(set(opinions.mapped("comment")), {"同意。"})
        self.start_tour(
            url, "scm_sales_proposal_branch_customer_accepts", login="wh.manager"
        )
        self.assertEqual(proposal.stage, "customer_accepted")
        self.assertTrue(proposal.customer_decision_date)

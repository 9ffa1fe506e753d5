from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.scm_contracts.tests.common import SERVICE_CLAUSES


@tagged("post_install", "-at_install")
class TestProjectTours(HttpCase):
    """Customer projects in the browser, each step in its user's own login
    (tours in static/tests/tours/scm_projects_story_tours.js)."""

    def test_prj_init_01_pm_issues_the_initiation_notice_in_the_browser(self):
        """PRJ-INIT-01/03, PRJ-TRK-02: wh.manager opens the Customer Projects
        app, the project of a contract in force and its initiation notice,
        whose contents are written, and issues it: it is numbered and
        distributed, his deadline is done and the project moves to its
        kick-off preparation."""
        ref = self.env.ref
        wh_manager = ref("scm_base.user_wh_manager")
        contract = (
            self.env["scm.contract"]
            .sudo()
            .create(
                {
                    "title": "楚风服饰 巡检项目（界面）",
                    "contract_type": "sc",
                    "company_id": ref("scm_base.company_wh").id,
                    "partner_id": ref("scm_sales.partner_wh_chufeng").id,
                    "amount": 395000,
                    **SERVICE_CLAUSES,
                }
            )
        )
        today = fields.Date.context_today(contract.with_user(wh_manager))
        # The contract is put in force directly (its own steps have their
        # tests); the customer's signature creates the project.
        contract.write(
            {
                "stage": "effective",
                "customer_signatory": "刘建国（总经理）",
                "customer_signed_date": today,
                "customer_sealed": True,
                "effective_date": today,
            }
        )
        project = self.env["project.project"]._scm_create_for_contract(contract)
        self.assertEqual(project.user_id, wh_manager)
        notice = project.scm_initiation_ids
        # The PM's contents, written before the tour: it only clicks.
        self.env["scm.project.member"].with_user(wh_manager).create(
            {
                "project_id": project.id,
                "side": "aa",
                "role": "consultant",
                "user_id": ref("scm_base.user_wh_consultant").id,
            }
        )
        notice.with_user(wh_manager).write(
            {
                "work_content": "SCMS 企业管理改造：需求调研、要素法实施、系统磨合。",
                "date_start": today,
                "date_end": today + timedelta(days=120),
                "pm_powers": "项目经理全权负责项目实施，协调各部门资源。",
            }
        )
        deadline = notice.scm_deadline_ids.filtered(
            lambda d: d.rule_code == "PRJ-INIT-01"
        )
        self.assertEqual(deadline.state, "open")
        # One static request first, so that the server reads the addons'
        # manifests once, not in the browser's parallel first requests.
        self.url_open("/web/static/img/favicon.ico")
        self.start_tour(
            "/odoo", "scm_projects_pm_issues_initiation", login="wh.manager"
        )
        self.assertEqual(notice.state, "issued")
        self.assertEqual(notice.issued_by_id, wh_manager)
        self.assertTrue(notice.name.startswith("LX"))
        self.assertEqual(len(notice.scm_distribution_ids), 5)
        self.assertEqual(deadline.state, "done")
        self.assertEqual(project.scm_phase, "kickoff")

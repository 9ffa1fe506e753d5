from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_initiation_notice import InitiationCase


@tagged("post_install", "-at_install")
class TestSecondaryProject(InitiationCase):
    """PRJ-SEC-01: a secondary (R) contract's project runs the S&C workflow."""

    def test_prj_sec_01_r_project_runs_the_same_workflow(self):
        """An R contract in force is a project of its branch with its PM and
        initiation deadline; issued, it prepares its kick-off; its overall
        plan comes after the initiation; its run-in starts at initialisation
        and its acceptance waits for the run-in's end."""
        hanjiang_sc = self.env.ref("scm_contracts.contract_wh_hanjiang_sc")
        project = self.make_project(
            contract_type="secondary",
            title="汉江制衣 二次开发合同",
            partner_id=self.hanjiang.id,
            sc_contract_id=hanjiang_sc.id,
            amount=60000,
        )
        self.assertEqual(project.scm_contract_type, "secondary")
        self.assertEqual(project.user_id, self.wh_manager)
        notice = project.scm_initiation_ids
        self.assertTrue(notice._scm_deadlines("PRJ-INIT-01"))
        Plan = self.env["scm.project.plan"]
        with self.assertRaises(UserError):
            self.as_client(Plan, self.wh_manager).create(
                {"project_id": project.id, "plan_type": "overall"}
            )
        self.fill(notice)
        self.issue(notice)
        self.assertEqual(project.scm_phase, "kickoff")
        today = fields.Date.context_today(project.with_user(self.wh_manager))
        overall = self.as_client(Plan, self.wh_manager).create(
            {
                "project_id": project.id,
                "plan_type": "overall",
                "task_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "二次开发需求分析",
                            "scm_planned_start": today,
                            "scm_planned_end": today + timedelta(days=20),
                        },
                    )
                ],
            }
        )
        self.as_client(overall, self.wh_manager).action_issue()
        self.assertEqual(overall.state, "issued")
        project._scm_set_phase("elements")
        project._scm_start_runin(today)
        self.assertEqual(project.scm_phase, "runin")
        acceptance = self.as_client(
            self.env["scm.project.acceptance"], self.wh_manager
        ).create({"project_id": project.id, "scope": "二次开发功能"})
        with self.assertRaises(UserError):
            acceptance._scm_record_customer_signature("周汉江", today, True)
        self.assertFalse(acceptance.customer_signed_date)

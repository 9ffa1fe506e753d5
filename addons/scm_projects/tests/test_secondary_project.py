from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_contracts.tests.common_secondary import SecondaryCase

from .test_initiation_notice import InitiationCase


@tagged("post_install", "-at_install")
class TestSecondaryProject(InitiationCase, SecondaryCase):
    """PRJ-SEC-01: a secondary (R) contract's project runs the S&C workflow."""

    def test_prj_sec_01_r_project_runs_the_same_workflow(self):
        """An R contract in force is a project of its branch with its PM and
        initiation deadline; issued, it prepares its kick-off; its overall
        plan comes after the initiation; its run-in starts at initialisation
        and its acceptance waits for the run-in's end."""
        # The R contract is drafted from a unanimously reviewed requirement
        # report (CON-SEC-04, scm_contracts' own chain) and put in force as
        # its signatures would.
        contract = self.complete_contract(
            self.draft_contract(self.unanimous_requirement())
        )
        today = self.today()
        contract.sudo().write(
            {
                "stage": "effective",
                "customer_signatory": "楚风 张总经理",
                "customer_signed_date": today,
                "customer_sealed": True,
                "effective_date": today,
            }
        )
        project = self.Project._scm_create_for_contract(contract)
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
        with self.assertRaisesRegex(UserError, "PRJ-SC-07"):
            self.as_client(self.env["scm.project.acceptance"], self.wh_manager).create(
                {"project_id": project.id, "scope": "二次开发功能"}
            )
        self.assertFalse(project.scm_acceptance_ids)

from odoo import fields
from odoo.tests import tagged

from .common import ScmProjectsCase


@tagged("post_install", "-at_install")
class TestDemoStory(ScmProjectsCase):
    """The demo data of scm_projects tells the story of issue 10: 汉江制衣's
    2025 project in customer service, 长江纺织's project in the elements
    method and 燕都时装's project in its run-in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.hanjiang = ref("scm_projects.project_wh_hanjiang", raise_if_not_found=False)
        cls.changjiang = ref(
            "scm_projects.project_wh_changjiang", raise_if_not_found=False
        )
        cls.yandu = ref("scm_projects.project_bj_yandu", raise_if_not_found=False)

    def setUp(self):
        super().setUp()
        if not (self.hanjiang and self.changjiang and self.yandu):
            self.skipTest("scm_projects was installed without its demo data")
        self.today = fields.Date.context_today(self.env["project.project"])

    def _open_deadlines(self, record, code):
        return (
            self.env["scm.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("rule_code", "=", code),
                    ("state", "not in", ("done", "cancel")),
                ]
            )
        )

    def test_projects_in_their_phases(self):
        """The three demo projects stand in the phases of the story."""
        self.assertEqual(self.hanjiang.scm_phase, "service")
        self.assertEqual(self.changjiang.scm_phase, "elements")
        self.assertEqual(self.yandu.scm_phase, "runin")
        for project in self.hanjiang | self.changjiang | self.yandu:
            notice = self.env["scm.project.initiation"].search(
                [("project_id", "=", project.id)]
            )
            self.assertEqual(notice.state, "issued", project.name)
            self.assertLess(notice.issued_date, self.today, project.name)
            self.assertFalse(
                self._open_deadlines(notice, "PRJ-INIT-01"), "initiation is done"
            )
            self.assertFalse(project.scm_missing_plans, project.name)
        self.assertEqual(self.hanjiang.user_id, self.wh_manager)
        self.assertIn(self.wh_consultant, self.hanjiang.scm_member_user_ids)
        self.assertIn(self.users["mrd.analyst"], self.hanjiang.scm_member_user_ids)

    def test_hanjiang_history(self):
        """汉江制衣: run-in ~15 months ago, acceptance signed by the customer
        after it (PRJ-SC-07/08), the handover signed by both sides
        (PRJ-HAND-01), and Finance's reminder on the 30,000 overdue answered
        by the PM's report (PRJ-TRK-09)."""
        project = self.hanjiang
        self.assertLess(
            project.scm_runin_start, self.today.replace(year=self.today.year - 1)
        )
        acceptance = project.scm_acceptance_ids
        self.assertEqual(acceptance.state, "signed")
        self.assertGreaterEqual(acceptance.customer_signed_date, project.scm_runin_end)
        self.assertEqual(project.scm_handover_ids.state, "done")
        self.assertEqual(len(project.scm_handover_ids.scm_signature_ids), 2)
        self.assertEqual(
            self.env["scm.project.delay.notice"]
            .search([("project_id", "=", project.id)])
            .state,
            "done",
        )
        self.assertEqual(project.scm_kickoff_ids.state, "done")
        self.assertTrue(project.scm_baseline_ids)
        self.assertEqual(
            self.env["scm.project.fault"]
            .search([("project_id", "=", project.id)])
            .mapped("state"),
            ["closed"],
        )
        reminder = project.scm_payment_reminder_ids
        self.assertEqual(reminder.state, "reported")
        self.assertEqual(reminder.amount_outstanding, 30000)
        self.assertTrue(reminder.pm_report)
        self.assertEqual(project.scm_contract_id.stage, "paid_service")

    def test_changjiang_software_late(self):
        """长江纺织: the software track is late (PRJ-TRK-05); one element
        document is filed, one waits for MCD's review with a deadline on
        MCD's manager (PRJ-ELEM-04)."""
        project = self.changjiang
        late = project.task_ids.filtered("scm_late")
        self.assertEqual(set(late.mapped("scm_track")), {"software"})
        self.assertFalse(late.scm_actual_end)
        self.assertLess(late.scm_planned_end, self.today)
        self.assertEqual(project.partner_id.user_id, self.wh_consultant)
        self.assertTrue(project.scm_contract_id.number)
        self.assertEqual(project.scm_kickoff_ids.state, "done")
        self.assertTrue(project.scm_baseline_ids)
        elements = self.env["scm.project.element"].search(
            [("project_id", "=", project.id)]
        )
        self.assertEqual(sorted(elements.mapped("stage")), ["filed", "mcd_review"])
        waiting = elements.filtered(lambda e: e.stage == "mcd_review")
        deadlines = (
            self.env["scm.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", waiting._name),
                    ("res_id", "=", waiting.id),
                    ("state", "not in", ("done", "cancel")),
                ]
            )
        )
        self.assertEqual(deadlines.user_id, self.mcd_manager)

    def test_yandu_fault_waits_for_tsms(self):
        """燕都时装: run-in started ~1 month ago; today's software fault,
        signed by the PM (PRJ-RUN-03), waits for mcd.tsms's diagnosis with
        an open 1-WD deadline on him (PRJ-RUN-04)."""
        project = self.yandu
        self.assertEqual(project.user_id, self.users["bj.manager"])
        self.assertLess(project.scm_runin_start, self.today)
        self.assertGreater(project.scm_runin_end, self.today)
        fault = self.env["scm.project.fault"].search([("project_id", "=", project.id)])
        self.assertEqual(fault.state, "received")
        self.assertEqual(fault.report_date, self.today)
        self.assertEqual(fault.received_by_id, self.tsms)
        self.assertTrue(
            fault.scm_signature_ids.filtered(
                lambda s: s.slot == "pm" and s.state == "signed"
            ).signer_id
            == self.users["bj.manager"]
        )
        deadline = self._open_deadlines(fault, "PRJ-RUN-04")
        self.assertEqual(deadline.user_id, self.tsms)
        self.assertTrue(
            fault.activity_ids.filtered(lambda a: a.user_id == self.tsms) or deadline
        )

    def test_contract_demo_untouched(self):
        """The 楚风 S&C draft of the contracts demo still waits for
        wh.manager: the projects demo changes no contracts-demo state."""
        chufeng = self.env.ref("scm_contracts.contract_wh_chufeng_sc")
        self.assertEqual(chufeng.state, "draft")
        self.assertFalse(chufeng.scm_project_id)

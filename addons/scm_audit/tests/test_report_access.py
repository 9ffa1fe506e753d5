from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.attacks import FORGED_CONTEXT

from .report_common import ScmReportCase

REPORT = "scm_audit.report_scm_assessment_month"


@tagged("post_install", "-at_install")
class TestReportAccess(ScmReportCase):
    """Who reads the reports (issue 14, "who sees what"; ORG-RULE-12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_violation_cls(cls.wh_consultant)
        cls.make_violation_cls(cls.bj_consultant)
        for person in (
            cls.wh_consultant,
            cls.wh_manager,
            cls.bj_consultant,
            cls.msd_presales,
        ):
            cls.env["scm.assessment.entry"]._scm_add(
                person, "commendation", "表扬（测试）", 1.0
            )

    @classmethod
    def make_violation_cls(cls, person):
        cls.env["scm.procedure.violation"].sudo().create(
            {
                "user_id": person.id,
                "company_id": person.company_id.id,
                "action": "send",
                "reason": "未签字文件外传（测试）",
            }
        )

    def people(self, user, **context):
        """The people whose months `user` reads."""
        self.env.invalidate_all()
        Month = self.as_client(self.Month, user, **context)
        return Month.search([("period", "=", self.month)]).user_id

    # -- the heat map -------------------------------------------------------------
    def test_heatmap_read_by_audit_supervision_president_office_meeting(self):
        for user in (
            self.auditor,
            self.sc_manager,
            self.president,
            self.office_secretary,
        ):
            with self.subTest(user=user.login):
                Heatmap = self.as_client(self.Heatmap, user)
                companies = Heatmap.search([("month", "=", self.month)]).company_id
                self.assertIn(self.wuhan, companies)
                self.assertIn(self.beijing, companies)

    def test_heatmap_denied_to_branches_and_staff(self):
        """A branch sees nothing of another branch: no branch user reads the
        heat map, not even with a forged context."""
        for user in (
            self.wh_manager,
            self.bj_manager,
            self.wh_consultant,
            self.bj_consultant,
        ):
            for context in ({}, FORGED_CONTEXT):
                with self.subTest(user=user.login, forged=bool(context)):
                    with self.assertRaises(AccessError):
                        self.as_client(self.Heatmap, user, **context).search([])

    # -- the monthly assessment (ORG-RULE-12) ----------------------------------------
    def test_org_rule_12_audit_president_office_meeting_read_all(self):
        for user in (
            self.auditor,
            self.sc_manager,
            self.president,
            self.office_secretary,
        ):
            with self.subTest(user=user.login):
                people = self.people(user)
                self.assertIn(self.wh_consultant, people)
                self.assertIn(self.bj_consultant, people)

    def test_org_rule_12_beijing_consultant_sees_only_himself(self):
        """A Beijing consultant sees nothing of Wuhan: only his own month."""
        for context in ({}, FORGED_CONTEXT):
            with self.subTest(forged=bool(context)):
                self.assertEqual(
                    self.people(self.bj_consultant, **context), self.bj_consultant
                )
                Month = self.as_client(self.Month, self.bj_consultant, **context)
                self.assertFalse(Month.search([("company_id", "=", self.wuhan.id)]))

    def test_org_rule_12_consultant_sees_only_himself(self):
        self.assertEqual(self.people(self.wh_consultant), self.wh_consultant)

    def test_org_rule_12_branch_manager_sees_his_branch_people(self):
        """The Wuhan manager reads his branch's people, not Beijing's."""
        people = self.people(self.wh_manager)
        self.assertIn(self.wh_consultant, people)
        self.assertIn(self.wh_manager, people)
        self.assertNotIn(self.bj_consultant, people)
        self.assertEqual(people.company_id, self.wuhan)

    def test_org_rule_12_unit_manager_sees_his_unit_people(self):
        """An HQ unit manager reads the people of the units he manages (as
        scm.deadline's "my team"), not a branch's."""
        people = self.people(self.msd_manager)
        self.assertIn(self.msd_presales, people)
        self.assertNotIn(self.wh_consultant, people)
        self.assertNotIn(self.bj_consultant, people)

    def test_org_rule_12_report_denied_for_another_branch_row(self):
        """A Beijing consultant does not print a Wuhan person's month."""
        row = self.month_row(self.wh_consultant)
        self.assertTrue(row)
        Report = self.as_client(self.env["ir.actions.report"], self.bj_consultant)
        with self.assertRaises(UserError):
            Report._render_qweb_html(REPORT, row.ids)
        with self.assertRaises(UserError):
            self.as_client(row, self.bj_consultant)._scm_entries()

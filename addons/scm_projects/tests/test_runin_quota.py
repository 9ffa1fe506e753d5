from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .runin_common import RuninCase


@tagged("post_install", "-at_install")
class TestRuninQuota(RuninCase):
    """PRJ-RUN-09: free statistical reports of the run-in, by contract
    amount (the contract's free_report_quota)."""

    def runin_project(self, amount, **vals):
        project = self.make_project(amount=amount, title=f"报表配额 {amount}", **vals)
        return self.put_in_runin(project)

    def request(self, project, charge_type="free", user=None):
        Request = self.as_client(
            self.env["scm.project.report.request"], user or self.wh_manager
        )
        return Request.create(
            {"project_id": project.id, "name": "销售日报", "charge_type": charge_type}
        )

    def fill(self, project, count):
        for __ in range(count):
            self.request(project)

    def test_prj_run_09_100000_allows_5_refuses_6th(self):
        """PRJ-RUN-09: a 100,000 contract allows 5 free reports and refuses
        the 6th; it can still be recorded as charged."""
        project = self.runin_project(100000)
        self.assertEqual(project.scm_free_report_quota, 5)
        self.fill(project, 5)
        self.assertEqual(project.scm_free_report_used, 5)
        self.assertEqual(project.scm_free_report_left, 0)
        with self.assertRaises(UserError) as refused:
            self.request(project)
        self.assertIn("grants 5 free", str(refused.exception))
        charged = self.request(project, "charged")
        self.assertEqual(charged.free_count, 0)
        # A charged request does not become free past the quota.
        with self.assertRaises(UserError):
            self.as_client(charged, self.wh_manager).write({"charge_type": "free"})
        # A cancelled free request gives its place back.
        free = self.env["scm.project.report.request"].search(
            [("project_id", "=", project.id), ("charge_type", "=", "free")], limit=1
        )
        self.as_client(free, self.wh_manager).action_cancel()
        self.request(project)

    def test_prj_run_09_100001_allows_10(self):
        """PRJ-RUN-09: 100,001 allows 10."""
        project = self.runin_project(100001)
        self.fill(project, 10)
        with self.assertRaises(UserError):
            self.request(project)

    def test_prj_run_09_bands(self):
        """PRJ-RUN-09: 500,000 → 10, 1,000,000 → 20, 1,000,001 unlimited."""
        self.assertEqual(self.runin_project(500000).scm_free_report_quota, 10)
        self.assertEqual(self.runin_project(1000000).scm_free_report_quota, 20)
        unlimited = self.runin_project(1000001)
        self.assertEqual(unlimited.scm_free_report_left, -1)
        self.fill(unlimited, 21)
        self.assertEqual(unlimited.scm_free_report_used, 21)

    def test_prj_run_09_after_runin_end_refused(self):
        """PRJ-RUN-09: a free request after the run-in end (or before the
        run-in) is refused; charged is allowed."""
        project = self.make_project(amount=300000, title="磨合期已满")
        self.put_in_runin(project, self.today - timedelta(days=200))
        self.assertTrue(project._scm_runin_ended())
        with self.assertRaises(UserError) as refused:
            self.request(project)
        self.assertIn("not in its free run-in", str(refused.exception))
        self.request(project, "charged")
        before = self.make_project(amount=300000, title="尚未磨合")
        with self.assertRaises(UserError):
            self.request(before)

    def test_prj_run_09_who_records(self):
        """PRJ-RUN-09: the project's team records requests; Beijing and the
        auditor do not; the request day is the server's."""
        self.assertDenied(self.request, self.project, user=self.bj_manager)
        self.assertDenied(self.request, self.project, user=self.auditor)
        request = self.request(self.project, user=self.wh_consultant)
        self.assertEqual(request.request_date, self.today)
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).write(
                {"request_date": self.today - timedelta(days=1)}
            )

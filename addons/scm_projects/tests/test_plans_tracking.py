from datetime import datetime, time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .plans_common import ScmPlansCase

PLAN_VS_ACTUAL = "scm_projects.action_scm_plan_vs_actual"


@tagged("post_install", "-at_install")
class TestPlansTracking(ScmPlansCase):
    def setUp(self):
        super().setUp()
        self.overall = self.issued_overall(
            [self.line("调研", -10, -2), self.line("要素", 1, 20)]
        )
        self.research, self.elements = self.overall.task_ids.sorted("id")

    def entries(self, task):
        return self.env["scm.assessment.entry"].search(
            [("res_model", "=", "project.task"), ("res_id", "=", task.id)]
        )

    def coordination(self, task):
        return task.activity_ids.filtered(
            lambda a: a.user_id == self.pm and "Coordinate" in (a.summary or "")
        )

    def test_finished_late_reported_once(self):
        """PRJ-TRK-07: a line whose actual end is recorded after its planned
        end gives the PM a coordination activity and the responsible unit's
        manager an assessment entry, once."""
        plan = self.make_plan("qc", self.qc_manager, [self.line("质检", -5, -1)])
        self.as_client(plan, self.qc_manager).action_issue()
        task = plan.task_ids
        self.as_client(task, self.pm).write({"scm_actual_end": self.days(0)})
        self.assertTrue(task.scm_finished_late)
        self.assertTrue(task.scm_deviation_reported)
        self.assertEqual(len(self.coordination(task)), 1)
        entry = self.entries(task)
        self.assertEqual(entry.user_id, self.qc_manager)
        self.assertEqual(entry.source, "plan_deviation")
        self.as_client(task, self.pm).write({"scm_actual_end": self.days(0)})
        self.env["project.task"]._cron_scm_plan_deviations()
        self.assertEqual(len(self.entries(task)), 1)
        self.assertEqual(len(self.coordination(task)), 1)

    def test_overdue_unfinished_by_cron(self):
        """PRJ-TRK-07: a line past its planned end without an actual end is
        behind plan at once (searchable) and reported by the daily job to
        the PM and the branch (the overall plan's unit)."""
        self.assertTrue(self.research.scm_late)
        self.assertEqual(self.research.scm_days_late, 2)
        self.assertIn(self.research, self.Task.search([("scm_late", "=", True)]))
        self.assertFalse(self.research.scm_deviation_reported)
        self.env["project.task"]._cron_scm_plan_deviations()
        self.assertTrue(self.research.scm_deviation_reported)
        self.assertFalse(self.elements.scm_deviation_reported)
        self.assertEqual(len(self.coordination(self.research)), 1)
        self.assertEqual(self.entries(self.research).user_id, self.wh_manager)
        self.env["project.task"]._cron_scm_plan_deviations()
        self.assertEqual(len(self.entries(self.research)), 1)

    def test_deviation_flag_guarded(self):
        """PRJ-TRK-07: the report flag is the check's, not a user's."""
        with self.assertRaises(UserError):
            self.as_client(self.research, self.pm).write(
                {"scm_deviation_reported": True}
            )

    def test_timeline_follows_planned_dates(self):
        """The timeline (project_timeline) shows the planned dates."""
        self.assertEqual(
            self.elements.planned_date_start,
            datetime.combine(self.days(1), time.min),
        )
        self.assertEqual(self.elements.planned_date_end.date(), self.days(20))
        self.assertTrue(
            self.env.ref(PLAN_VS_ACTUAL).view_ids.filtered(
                lambda v: v.view_mode == "timeline"
            )
        )

    def make_lines(self, number):
        self.overall.sudo().write(
            {
                "task_ids": [
                    self.line(f"行 {index}", 1, 5 + index % 7, scm_actual_end=False)
                    for index in range(number)
                ]
            }
        )

    def test_plan_vs_actual_list_queries_pm(self):
        """The plan-vs-actual list costs as many queries for 30 lines as for 3
        (as the PM, the Wuhan branch manager)."""
        assert_constant_list_queries(self, PLAN_VS_ACTUAL, self.pm, self.make_lines)

    def test_plan_vs_actual_list_queries_mcd(self):
        """The same as MCD's manager at HQ."""
        assert_constant_list_queries(
            self, PLAN_VS_ACTUAL, self.mcd_manager, self.make_lines
        )

    def test_views_load(self):
        """The plan-vs-actual action opens its timeline, list, pivot and
        graph views, and the project form its plans, as the PM."""
        action = self.env.ref(PLAN_VS_ACTUAL)
        views = [(view.view_id.id, view.view_mode) for view in action.view_ids]
        result = (
            self.env["project.task"]
            .with_user(self.pm)
            .get_views(views + [(False, "search")])
        )
        self.assertIn("timeline", result["views"])
        form = (
            self.env["project.project"].with_user(self.pm).get_views([(False, "form")])
        )
        self.assertIn("scm_plan_ids", form["views"]["form"]["arch"])
        project = self.as_client(self.project, self.pm)
        self.assertEqual(project.scm_plan_count, 1)
        self.assertEqual(
            project.action_scm_open_plans()["domain"],
            [("project_id", "=", self.project.id)],
        )

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .plans_common import ScmPlansCase

NOTICES = "scm_projects.action_scm_project_delay_notice"


@tagged("post_install", "-at_install")
class TestPlansDelayNotice(ScmPlansCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_mrd = cls.env.ref("scm_base.dept_mrd")

    def setUp(self):
        super().setUp()
        self.overall = self.issued_overall(
            [self.line("调研", 1, 10), self.line("要素", 11, 20)]
        )
        self.research, self.elements = self.overall.task_ids.sorted("id")

    def new_notice(self, user=None, scope="external", lines=None, **vals):
        return self.as_client(self.Notice, user or self.pm).create(
            {
                "project_id": self.project.id,
                "scope": scope,
                "issuer_department_id": self.dept_mrd.id,
                "reason": "客户高层出差，调研推迟",
                "line_ids": lines
                or [
                    (
                        0,
                        0,
                        {
                            "task_id": self.research.id,
                            "new_planned_end": self.days(14),
                        },
                    )
                ],
                **vals,
            }
        )

    def test_plan_date_change_without_notice_refused(self):
        """PRJ-TRK-05: a plan date change without a notice is blocked: the
        lines of an issued plan keep their planned dates."""
        for user in (self.pm, self.mcd_manager):
            task = self.as_client(self.research, user)
            with self.assertRaisesRegex(UserError, "Project Execution Status Notice"):
                task.write({"scm_planned_end": self.days(30)})
            with self.assertRaisesRegex(UserError, "Project Execution Status Notice"):
                task.write({"planned_date_end": "2030-01-01 00:00:00"})
        with self.assertRaises(UserError):
            self.as_client(self.research, self.pm).write({"scm_plan_id": False})
        with self.assertRaises(UserError):
            self.as_client(self.Task, self.pm).create(
                {
                    "name": "私加",
                    "project_id": self.project.id,
                    "scm_plan_id": self.overall.id,
                }
            )
        with self.assertRaises(UserError):
            self.as_client(self.research, self.pm).unlink()
        with self.assertRaises(UserError):
            self.as_client(self.research, self.pm).write({"active": False})
        # The same date again, the actual dates and other fields are free.
        self.as_client(self.research, self.pm).write(
            {
                "scm_planned_end": self.days(10),
                "scm_actual_start": self.days(1),
                "description": "进行中",
            }
        )
        self.assertEqual(self.research.scm_planned_end, self.days(10))

    def test_external_notice(self):
        """PRJ-TRK-05: the external notice is signed by the PM and the
        customer, then applies the new dates; 6 copies."""
        ref = self.env.ref
        notice = self.new_notice()
        self.assertNotEqual(notice.name, "/")
        with self.assertRaises(UserError):
            self.as_client(notice, self.pm).action_sign_pm()
        self.as_client(notice, self.pm).action_submit()
        self.assertEqual(notice.state, "submitted")
        self.assertEqual(notice.notice_date, self.today)
        self.assertFalse(notice.late)
        self.assertEqual(notice.line_ids.days_notice, 10)
        self.assertEqual(notice.line_ids.old_planned_end, self.days(10))
        # Nothing moves before both signatures.
        self.as_client(notice, self.pm)._scm_record_customer_signature(
            "客户项目组长", self.today
        )
        self.assertEqual(notice.state, "submitted")
        self.assertEqual(self.research.scm_planned_end, self.days(10))
        with self.assertRaises(UserError):
            self.as_client(notice, self.wh_consultant).action_sign_pm()
        with self.assertRaises(UserError):
            self.as_client(notice, self.mcd_manager).action_sign_pm()
        self.as_client(notice, self.pm).action_sign_pm()
        self.assertEqual(notice.state, "done")
        self.assertEqual(self.research.scm_planned_end, self.days(14))
        self.assertEqual(self.research.scm_planned_start, self.days(1))
        lines = notice.scm_distribution_ids
        self.assertEqual(len(lines), 6)
        self.assertEqual(
            {
                line.recipient_department_id
                or line.recipient_user_id
                or line.recipient_partner_id
                for line in lines
            },
            {
                self.chufeng,
                self.pm,
                ref("scm_base.dept_mcd"),
                ref("scm_base.dept_msd"),
                ref("scm_base.dept_supervision_center"),
                ref("scm_base.dept_finance"),
            },
        )
        with self.assertRaises(UserError):
            self.as_client(notice, self.pm).write({"reason": "改"})

    def test_late_notice_flagged(self):
        """PRJ-TRK-05: a notice dated less than 2 (calendar) days before the
        affected line's planned end is flagged late."""
        plan = self.make_plan("software", self.sw_manager, [self.line("开发", 0, 1)])
        self.as_client(plan, self.sw_manager).action_issue()
        notice = self.new_notice(
            lines=[
                (0, 0, {"task_id": plan.task_ids.id, "new_planned_end": self.days(5)}),
                (0, 0, {"task_id": self.research.id, "new_planned_end": self.days(12)}),
            ],
        )
        self.as_client(notice, self.pm).action_submit()
        self.assertTrue(notice.late)
        late = notice.line_ids.filtered("late")
        self.assertEqual(late.task_id, plan.task_ids)
        self.assertEqual(late.days_notice, 1)
        self.assertIn(notice, self.Notice.search([("late", "=", True)]))
        # A notice after the line's planned end is late too.
        overdue = self.make_plan("qc", self.qc_manager, [self.line("质检", -6, -3)])
        self.as_client(overdue, self.qc_manager).action_issue()
        notice = self.new_notice(
            lines=[
                (
                    0,
                    0,
                    {"task_id": overdue.task_ids.id, "new_planned_end": self.days(3)},
                )
            ]
        )
        self.as_client(notice, self.pm).action_submit()
        self.assertTrue(notice.late)
        self.assertEqual(notice.line_ids.days_notice, -3)

    def test_notice_bad_input(self):
        """A notice names lines of issued plans with sound new dates."""
        draft_plan = self.make_plan("qc", self.qc_manager)
        notice = self.new_notice(
            lines=[
                (
                    0,
                    0,
                    {
                        "task_id": draft_plan.task_ids.id,
                        "new_planned_end": self.days(12),
                    },
                )
            ]
        )
        with self.assertRaisesRegex(UserError, "issued plan"):
            self.as_client(notice, self.pm).action_submit()
        notice = self.new_notice(
            lines=[
                (0, 0, {"task_id": self.research.id, "new_planned_end": self.days(-5)})
            ]
        )
        with self.assertRaisesRegex(UserError, "end before"):
            self.as_client(notice, self.pm).action_submit()
        notice = self.new_notice(lines=[(0, 0, {"task_id": self.research.id})])
        with self.assertRaisesRegex(UserError, "new dates"):
            self.as_client(notice, self.pm).action_submit()

    def test_internal_notice(self):
        """PRJ-TRK-06: an internal notice requires the evaluation of results,
        the customer's opinion and the existing problems; issuing it applies
        the dates and sends copies to MCD, the issuer, MSD, Supervision and
        Finance."""
        ref = self.env.ref
        plan = self.make_plan("qc", self.qc_manager)
        self.as_client(plan, self.qc_manager).action_issue()
        task = plan.task_ids
        notice = self.new_notice(
            user=self.qc_manager,
            scope="internal",
            lines=[(0, 0, {"task_id": task.id, "new_planned_end": self.days(14)})],
            issuer_department_id=self.env.ref("scm_base.dept_qc").id,
        )
        with self.assertRaisesRegex(UserError, "PRJ-TRK-06"):
            self.as_client(notice, self.qc_manager).action_submit()
        self.as_client(notice, self.qc_manager).write(
            {
                "result_evaluation": "完成 60%",
                "customer_opinion": "同意顺延",
                "existing_problems": "客户数据未到",
            }
        )
        with self.assertRaises(UserError):
            self.as_client(notice, self.sw_manager).action_submit()
        self.as_client(notice, self.qc_manager).action_submit()
        self.assertEqual(notice.state, "done")
        self.assertFalse(notice.scm_signature_ids)
        self.assertEqual(task.scm_planned_end, self.days(14))
        self.assertEqual(self.research.scm_planned_end, self.days(10))
        self.assertEqual(
            {line.recipient_department_id for line in notice.scm_distribution_ids},
            {
                ref("scm_base.dept_qc"),
                ref("scm_base.dept_mcd"),
                ref("scm_base.dept_msd"),
                ref("scm_base.dept_supervision_center"),
                ref("scm_base.dept_finance"),
            },
        )

    def test_security(self):
        """Beijing neither sees nor makes a Wuhan notice; the auditor reads
        it only."""
        notice = self.new_notice()
        with self.assertRaises(UserError):
            self.new_notice(user=self.bj_manager)
        self.assertFalse(
            self.as_client(self.Notice, self.bj_manager).search(
                [("id", "=", notice.id)]
            )
        )
        with self.assertRaises(AccessError):
            self.as_client(notice, self.bj_manager).read(["name"])
        self.assertEqual(
            self.as_client(notice, self.auditor).read(["name"])[0]["id"], notice.id
        )
        with self.assertRaises(AccessError):
            self.as_client(notice, self.auditor).write({"reason": "x"})
        with self.assertRaises(AccessError):
            self.as_client(notice.line_ids, self.auditor).write(
                {"new_planned_end": self.days(20)}
            )
        with self.assertRaises(UserError):
            self.as_client(notice, self.pm).write({"state": "done"})

    def test_print_notice(self):
        """The notice prints with its lines and signature lines."""
        notice = self.new_notice()
        self.as_client(notice, self.pm).action_submit()
        self.as_client(notice, self.pm).action_sign_pm()
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.pm)
            ._render_qweb_html(
                "scm_projects.action_report_scm_project_delay_notice", notice.ids
            )
        )
        html = html.decode()
        self.assertIn("调研", html)
        self.assertIn(notice.name, html)
        self.assertIn(self.pm.name, html)

    def make_notices(self, number):
        """Draft, submitted and late notices on the project's lines."""
        for index in range(number):
            notice = self.Notice.sudo().create(
                {
                    "project_id": self.project.id,
                    "scope": "external" if index % 2 else "internal",
                    "issuer_department_id": self.dept_mrd.id,
                    "reason": f"顺延 {index}",
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "task_id": self.research.id,
                                "new_planned_end": self.days(12 + index),
                            },
                        )
                    ],
                }
            )
            if index % 3 == 0:
                notice._scm_step_write(
                    {"state": "submitted", "notice_date": self.days(9)}
                )

    def test_notice_list_queries_pm(self):
        """The notice list costs as many queries for 30 notices as for 3
        (as the PM)."""
        assert_constant_list_queries(self, NOTICES, self.pm, self.make_notices)

    def test_notice_list_queries_hq(self):
        """The same as the MSD Manager at HQ (read only)."""
        assert_constant_list_queries(
            self, NOTICES, self.users["msd.manager"], self.make_notices
        )

    def test_notice_form(self):
        """The PM fills the notice in its form, as the web client does."""
        with Form(self.as_client(self.Notice, self.pm)) as form:
            form.project_id = self.project
            form.issuer_department_id = self.dept_mrd
            form.reason = "客户要求顺延"
            with form.line_ids.new() as line:
                line.task_id = self.elements
                line.new_planned_end = self.days(25)
        notice = form.record
        self.assertEqual(notice.line_ids.old_planned_end, self.days(20))
        self.as_client(notice, self.pm).action_submit()
        self.assertEqual(notice.line_ids.days_notice, 20)

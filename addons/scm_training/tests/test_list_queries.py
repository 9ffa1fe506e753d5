"""The main lists of scm_training cost as many queries for 30 records as for
3 (the menus' actions, opened as the web client does after login:
scm_base/tests/listing.py).

Opened as the Wuhan branch manager (his branch's records), the Training Dept
manager (all) and the Audit Dept (reads all). Each record carries what its
row shows: its unit, its people, its stage, and for the sessions the
deadline their organiser owes (an activity)."""

from itertools import count

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .common import ScmTrainingCase

PLANS_ANNUAL = "scm_training.action_plans_annual"
PLANS_MONTHLY = "scm_training.action_plans_monthly"
SESSIONS = "scm_training.action_scm_training_session"
EVALUATIONS = "scm_training.action_scm_training_evaluation"
EXAMS = "scm_training.action_scm_training_exam"
EXAM_RESULTS = "scm_training.action_scm_training_exam_result"
SUMMARIES = "scm_training.action_scm_training_summary"
NEEDS = "scm_training.action_plans_needs"
METHODS = "scm_training.action_scm_training_method"
HANDOUTS = "scm_training.action_scm_training_handout"


@tagged("post_install", "-at_install")
class TestTrainingListQueries(ScmTrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paper = cls.env["survey.survey"].create(
            {
                "title": "列表测试试卷",
                "certification": True,
                "scoring_type": "scoring_with_answers",
                "scoring_success_min": 60.0,
            }
        )
        cls.hq_plan = (
            cls.env["scm.training.plan"]
            .sudo()
            .create(
                {
                    "plan_type": "annual",
                    "company_id": cls.hq.id,
                    "department_id": cls.dept_training.id,
                    "year": 2040,
                    "requirements": "各部门培训要求",
                }
            )
        )
        cls.approve_by_sudo(cls.hq_plan)

    @classmethod
    def approve_by_sudo(cls, plan):
        """The approval's outcome, the stage, written as data (the approval
        itself is tested in test_plans_annual)."""
        plan.sudo().write({"stage": "approved"})

    def setUp(self):
        super().setUp()
        self.serial = count(1)
        self.today = fields.Date.context_today(self.env["scm.training.session"])

    # -- records --
    def make_sessions(self, number, stage="planned"):
        sessions = self.env["scm.training.session"]
        for _index in range(number):
            serial = next(self.serial)
            sessions |= self.make_session(
                name=f"武汉分公司列表培训 {serial:03d}",
                start_date=fields.Date.add(self.today, days=5 + serial % 20),
                end_date=fields.Date.add(self.today, days=5 + serial % 20),
            )
        if stage != "planned":
            sessions.sudo().write({"stage": stage})
        return sessions

    def make_plans(self, number, plan_type="annual"):
        Plan = self.env["scm.training.plan"].sudo()
        for _index in range(number):
            serial = next(self.serial)
            annual = Plan.create(
                {
                    "plan_type": "annual",
                    "company_id": self.wuhan.id,
                    "department_id": False,
                    "year": 2040 + serial,
                    "hq_plan_id": self.hq_plan.id,
                    "requirements": "武汉分公司培训要求",
                }
            )
            if plan_type == "monthly":
                self.approve_by_sudo(annual)
                Plan.create(
                    {
                        "plan_type": "monthly",
                        "parent_id": annual.id,
                        "month": str(serial % 12 + 1),
                        "trainer_id": self.employee(self.wh_manager).id,
                        "place": "武汉分公司会议室",
                    }
                )

    def make_monthly(self, number):
        self.make_plans(number, "monthly")

    def make_evaluations(self, number):
        for session in self.make_sessions(number, "held"):
            self.env["scm.training.evaluation"].sudo().create(
                {
                    "session_id": session.id,
                    "participant_ids": [Command.set(session.attendant_ids.ids)],
                    "overall_result": "qualified",
                }
            )

    def make_exams(self, number):
        exams = self.env["scm.training.exam"]
        for session in self.make_sessions(number, "evaluated"):
            exam = exams.sudo().create(
                {"session_id": session.id, "survey_id": self.paper.id}
            )
            for employee, score in zip(session.attendant_ids, (85, 40), strict=False):
                exam.result_ids.sudo().create(
                    {"exam_id": exam.id, "employee_id": employee.id, "score": score}
                )
            exams |= exam
        return exams

    def make_exam_results(self, number):
        """`number` result lines recorded (two per exam, the last odd one
        alone)."""
        exams = self.make_exams((number + 1) // 2)
        results = exams.sudo().result_ids
        (results[number:]).unlink()
        results = results[:number]
        results.write({"status": "passed", "recorded_date": fields.Datetime.now()})

    def make_summaries(self, number):
        for session in self.make_sessions(number, "summarised"):
            self.env["scm.training.summary"].sudo().create(
                {
                    "session_id": session.id,
                    "content": "<p>培训总结</p>",
                    "state": "submitted",
                    "reviewer_id": self.training_manager.id,
                }
            )

    def make_methods(self, number):
        for session in self.make_sessions(number):
            self.env["scm.training.method"].sudo().create({"session_id": session.id})

    def make_handouts(self, number):
        for session in self.make_sessions(number):
            self.env["scm.training.handout"].sudo().create(
                {"name": "讲义", "session_id": session.id, "content": "<p>讲义</p>"}
            )

    def make_needs(self, number):
        Need = self.env["scm.training.need"].with_user(self.auditor)
        for _index in range(number):
            serial = next(self.serial)
            Need.create(
                {
                    "name": f"武汉分公司报价培训 {serial:03d}",
                    "description": "审计发现报价不规范",
                    "company_id": self.wuhan.id,
                }
            )

    # -- the lists (one user per test: each test starts from the same rows) --
    def check(self, action, login, make):
        assert_constant_list_queries(self, action, self.users[login], make)

    def test_annual_plans_branch(self):
        """Plans > Annual Training Plans as the Wuhan branch manager."""
        self.check(PLANS_ANNUAL, "wh.manager", self.make_plans)

    def test_annual_plans_training_dept(self):
        self.check(PLANS_ANNUAL, "training.manager", self.make_plans)

    def test_monthly_sheets_branch(self):
        """Plans > Training Plan Sheets (the weekly-schedule flag per row)."""
        self.check(PLANS_MONTHLY, "wh.manager", self.make_monthly)

    def test_monthly_sheets_audit(self):
        self.check(PLANS_MONTHLY, "audit.staff", self.make_monthly)

    def test_sessions_branch(self):
        """Sessions > Training Sessions (the organiser's method deadline)."""
        self.check(SESSIONS, "wh.manager", self.make_sessions)

    def test_sessions_training_dept(self):
        self.check(SESSIONS, "training.manager", self.make_sessions)

    def test_sessions_audit(self):
        self.check(SESSIONS, "audit.staff", self.make_sessions)

    def test_evaluations_branch(self):
        """Evaluation > Evaluation Forms."""
        self.check(EVALUATIONS, "wh.manager", self.make_evaluations)

    def test_evaluations_audit(self):
        self.check(EVALUATIONS, "audit.staff", self.make_evaluations)

    def test_exams_training_dept(self):
        """Evaluation > Exams."""
        self.check(EXAMS, "training.manager", self.make_exams)

    def test_exam_results_branch(self):
        """Evaluation > Exam Results."""
        self.check(EXAM_RESULTS, "wh.manager", self.make_exam_results)

    def test_exam_results_audit(self):
        self.check(EXAM_RESULTS, "audit.staff", self.make_exam_results)

    def test_summaries_branch(self):
        """Evaluation > Summary Reports."""
        self.check(SUMMARIES, "wh.manager", self.make_summaries)

    def test_summaries_training_dept(self):
        self.check(SUMMARIES, "training.manager", self.make_summaries)

    def test_needs_training_dept(self):
        """Plans > Training Needs (AUD-GEN-05)."""
        self.check(NEEDS, "training.manager", self.make_needs)

    def test_needs_audit(self):
        self.check(NEEDS, "audit.staff", self.make_needs)

    def test_methods_branch(self):
        """Sessions > Implementation Methods."""
        self.check(METHODS, "wh.manager", self.make_methods)

    def test_handouts_training_dept(self):
        """Sessions > Handouts."""
        self.check(HANDOUTS, "training.manager", self.make_handouts)

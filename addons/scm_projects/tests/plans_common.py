from datetime import timedelta

from odoo import fields

from .common import ScmProjectsCase


class ScmPlansCase(ScmProjectsCase):
    """A Wuhan S&C project, initiated, with the users who prepare, issue and
    sign its plans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["scm.project.plan"]
        cls.Notice = cls.env["scm.project.delay.notice"]
        cls.Task = cls.env["project.task"]
        cls.pm = cls.project.user_id
        cls.mrd_manager = cls.users["mrd.manager"]
        cls.mrd_analyst = cls.users["mrd.analyst"]
        cls.sw_manager = cls.users["sw.manager"]
        cls.today = fields.Date.context_today(cls.Plan.with_user(cls.pm))
        cls.initiate(cls.project)

    @classmethod
    def initiate(cls, project):
        """The initiation area sets it when the initiation notice is issued."""
        project._scm_step_write({"scm_initiated_date": cls.today})

    def days(self, number):
        return self.today + timedelta(days=number)

    def line(self, name, start, end, **vals):
        return (
            0,
            0,
            {
                "name": name,
                "scm_planned_start": self.days(start),
                "scm_planned_end": self.days(end),
                **vals,
            },
        )

    def make_plan(self, plan_type, user, lines=None, project=None):
        lines = lines or [self.line(f"{plan_type} 1", 1, 10)]
        return self.as_client(self.Plan, user).create(
            {
                "project_id": (project or self.project).id,
                "plan_type": plan_type,
                "task_ids": lines,
            }
        )

    def issued_overall(self, lines=None):
        plan = self.make_plan("overall", self.pm, lines)
        self.as_client(plan, self.pm).action_issue()
        return plan

    def issue_all_four(self):
        """The overall plan, the software and QC plan sheets issued and the
        requirement work plan sheet approved; returns the project's plans
        (the requirement sheet is the development's, PRJ-SC-02)."""
        overall = self.issued_overall()
        plans = overall
        for plan_type, user in (
            ("software", self.sw_manager),
            ("qc", self.qc_manager),
        ):
            plan = self.make_plan(plan_type, user)
            self.as_client(plan, user).action_issue()
            plans |= plan
        self.approved_requirement_sheet()
        return plans

    def approved_requirement_sheet(self, project=None):
        """PRJ-SC-02: MRD's requirement work plan sheet of the project's
        development, reviewed by the MRD Manager."""
        project = project or self.project
        work = self.as_client(project, self.mrd_manager).action_scm_devreq_development()
        sheet = self.as_client(self.env["scm.dev.req.plan"], self.mrd_manager).create(
            {
                "name": "需求工作计划表",
                "work_id": work["res_id"],
                "content": "需求调研与需求报告",
                "completion_date": self.days(20),
                "staff": "需求分析员 1 人",
                "methods": "现场调研",
            }
        )
        sheet.action_devreq_submit()
        sheet.action_devreq_approve()
        return sheet

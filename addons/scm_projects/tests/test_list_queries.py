"""The customer project list costs as many queries for 30 projects as for 3.

Opened as the web client does after login (scm_base/tests/listing.py) as a
Wuhan consultant, the Wuhan branch manager (their PM), MCD's manager and the
Audit Dept. Each project carries what its row shows: the initiation deadline
its PM owes (an activity, the overdue colour), a plan line behind schedule and
its team."""

from datetime import timedelta
from itertools import count

from odoo.tests import tagged

from odoo.addons.scm_base.tests.listing import assert_constant_list_queries

from .common import ScmProjectsCase

PROJECTS = "scm_projects.action_scm_project"
MY_PROJECTS = "scm_projects.action_scm_project_my"


@tagged("post_install", "-at_install")
class TestProjectListQueries(ScmProjectsCase):
    def setUp(self):
        super().setUp()
        self.serial = count(1)

    def make_projects(self, number):
        today = self.today()
        for _index in range(number):
            serial = next(self.serial)
            project = self.make_project(title=f"武汉客户项目 {serial:03d}")
            self.env["project.task"].sudo().create(
                {
                    "name": "软件开发",
                    "project_id": project.id,
                    "scm_track": "software",
                    "scm_planned_start": today - timedelta(days=20),
                    "scm_planned_end": today - timedelta(days=5),
                }
            )
            self.env["scm.project.member"].sudo().create(
                {
                    "project_id": project.id,
                    "side": "aa",
                    "role": "consultant",
                    "user_id": self.wh_consultant.id,
                }
            )

    def test_project_list_consultant(self):
        """The branch's projects as a Wuhan consultant on their teams."""
        assert_constant_list_queries(
            self, PROJECTS, self.wh_consultant, self.make_projects
        )

    def test_project_list_pm(self):
        """ "My Projects" as the Wuhan branch manager, their PM."""
        assert_constant_list_queries(
            self, MY_PROJECTS, self.wh_manager, self.make_projects
        )

    def test_project_list_mcd(self):
        """Every branch's projects as MCD's manager at HQ."""
        assert_constant_list_queries(
            self, PROJECTS, self.mcd_manager, self.make_projects
        )

    def test_project_list_audit(self):
        """Every branch's projects as the Audit Dept (read only)."""
        assert_constant_list_queries(self, PROJECTS, self.auditor, self.make_projects)

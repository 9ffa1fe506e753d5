from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .dev_common import ScmDevCase


@tagged("post_install", "-at_install")
class TestDevCore(ScmDevCase):
    """The one development workflow of the three kinds of work (issue 11)."""

    def test_prj_dev_16_each_kind_starts_where_its_workflow_does(self):
        """PRJ-DEV-16 / PRJ-UPG-03: a long-term or upgrade development starts
        at its plan; a contract project's at the requirement work plan."""
        self.assertEqual(self.make_dev_work("long_term").stage, "dev_plan")
        self.assertEqual(
            self.make_dev_work("upgrade", version="V6.1").stage, "dev_plan"
        )
        self.assertEqual(self.make_dev_work("project").stage, "req_work_plan")

    def test_who_sees_a_development(self):
        """MRD, Software and QC see every development, Audit reads it; a
        branch consultant sees only his project's; another branch nothing."""
        work = self.make_dev_work("long_term")
        project_work = self.make_dev_work("project")
        for login in ("mrd.manager", "sw.manager", "qc.manager", "audit.staff"):
            self.as_client(work, self.users[login]).read(["name", "stage"])
        with self.assertRaises(AccessError):
            self.as_client(work, self.wh_consultant).read(["name"])
        self.as_client(project_work, self.wh_manager).read(["name"])
        with self.assertRaises(AccessError):
            self.as_client(project_work, self.users["bj.manager"]).read(["name"])
        with self.assertRaises(AccessError):
            self.as_client(work, self.auditor).write({"software_lead_id": False})

    def test_stage_and_kind_only_by_steps(self):
        """ORG-RULE-11: the stage, the kind and the lead are the steps'."""
        work = self.make_dev_work("long_term")
        for vals in ({"stage": "accepted"}, {"kind": "project"}):
            with self.assertRaises(UserError):
                self.as_client(work, self.mrd_manager).write(vals)
        self.assertEqual(work.stage, "dev_plan")

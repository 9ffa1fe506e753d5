from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import ScmProjectsCase


class RuninCase(ScmProjectsCase):
    """A Wuhan project in its run-in, wh.consultant on its team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.today = fields.Date.context_today(cls.project.with_user(cls.wh_manager))
        cls.put_in_runin(cls.project)
        cls.env["scm.project.member"].sudo().create(
            {
                "project_id": cls.project.id,
                "side": "aa",
                "role": "consultant",
                "user_id": cls.wh_consultant.id,
            }
        )
        cls.mrd_manager = ref("scm_base.user_mrd_manager")
        cls.cc_manager = ref("scm_base.user_cc_manager")
        cls.Workday = cls.env["scm.workday"]

    @classmethod
    def put_in_runin(cls, project, start=None):
        start = start or cls.today - timedelta(days=10)
        project._scm_step_write({"scm_phase": "runin", "scm_runin_start": start})
        return project

    def notices(self, record):
        return self.env["scm.notice"].sudo()._scm_sent(record)

    def assertDenied(self, func, *args, **kwargs):
        """`func` is refused, by a record rule or by the step's check."""
        try:
            with self.env.cr.savepoint():
                func(*args, **kwargs)
        except (AccessError, UserError):
            return
        self.fail(f"{func} was allowed")

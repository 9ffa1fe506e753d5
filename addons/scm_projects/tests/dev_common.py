from .common import ScmProjectsCase


class ScmDevCase(ScmProjectsCase):
    """The software development workflow (issue 11): the three parties'
    managers and a work of each kind made quickly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        for login in ("mrd.manager", "cc.manager", "president", "mrd.analyst"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.mrd_manager = cls.users["mrd.manager"]
        cls.sw_manager = cls.users["sw.manager"]
        cls.cc_manager = cls.users["cc.manager"]
        cls.mrd_analyst = cls.users["mrd.analyst"]
        cls.DevWork = cls.env["scm.dev.work"]

    @classmethod
    def make_dev_work(cls, kind="long_term", **vals):
        """A work as its first step makes it (by sudo: that step has its own
        tests)."""
        values = {
            "name": f"SCMS 开发（{kind}，测试）",
            "kind": kind,
            "company_id": cls.hq.id,
            "requirement_lead_id": cls.mrd_manager.id,
        }
        if kind == "project":
            values.update(project_id=cls.project.id, stage="req_work_plan")
        values.update(vals)
        return cls.DevWork.sudo().create(values)

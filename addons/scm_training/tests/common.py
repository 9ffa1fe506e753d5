from odoo import fields

from odoo.addons.scm_base.tests.attacks import client_env
from odoo.addons.scm_base.tests.common import ScmBaseCase, users_read_english


class ScmTrainingCase(ScmBaseCase):
    """Training with the demo organization: Wuhan's branch and the HQ
    Training Dept, a course and a planned session of Wuhan made quickly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users_read_english(cls.env)
        ref = cls.env.ref
        for login in ("training.manager", "msd.manager", "wx.manager"):
            cls.users[login] = ref(f"scm_base.user_{login.replace('.', '_')}")
        cls.training_manager = cls.users["training.manager"]
        cls.auditor = cls.users["audit.staff"]
        cls.wh_manager = cls.users["wh.manager"]
        cls.wh_consultant = cls.users["wh.consultant"]
        cls.wh_consultant2 = cls.users["wh.consultant2"]
        cls.bj_manager = cls.users["bj.manager"]
        cls.dept_training = ref("scm_base.dept_training")
        cls.dept_msd = ref("scm_base.dept_msd")
        cls.course_category = cls.env["hr.course.category"].create(
            {"name": "营销培训（测试）"}
        )
        cls.course = cls.env["hr.course"].create(
            {"name": "SCMS 顾问式销售（测试）", "category_id": cls.course_category.id}
        )
        cls.session = cls.make_session()

    @classmethod
    def employee(cls, user):
        return user._scm_employee()

    @classmethod
    def make_session(cls, **vals):
        """A planned session of Wuhan organised by its branch manager, ten
        days ahead, with both Wuhan consultants as trainees."""
        today = fields.Date.context_today(cls.env["scm.training.session"])
        values = {
            "name": "武汉分公司 SCMS 顾问式销售培训（测试）",
            "course_id": cls.course.id,
            "company_id": cls.wuhan.id,
            "organiser_id": cls.wh_manager.id,
            "trainer_id": cls.employee(cls.wh_manager).id,
            "start_date": fields.Date.add(today, days=10),
            "end_date": fields.Date.add(today, days=10),
            "cost": 0.0,
            "authorized_by": cls.employee(cls.wh_manager).id,
            "attendant_ids": [
                (
                    6,
                    0,
                    (
                        cls.employee(cls.wh_consultant)
                        | cls.employee(cls.wh_consultant2)
                    ).ids,
                )
            ],
        }
        values.update(vals)
        return cls.env["scm.training.session"].sudo().create(values)

    def as_client(self, record, user, **context):
        """`record` as `user`'s web client gives it after login (the user's
        own company active), plus whatever context the client adds."""
        return record.with_env(client_env(self.env, user, forged=False, **context))

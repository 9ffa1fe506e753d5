from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .plans_common import PlansCase


@tagged("post_install", "-at_install")
class TestPlansNeed(PlansCase):
    def test_aud_gen_05_raise_accept_done(self):
        """AUD-GEN-05: the Audit Dept raises a training need to the Training
        Dept from an audit record; the Training Dept manager accepts it with
        the plan that answers it."""
        Need = self.as_client(self.env["scm.training.need"], self.auditor)
        need = Need._scm_raise(
            self.wuhan, "武汉分公司顾问报价不规范，需培训报价流程", source=self.session
        )
        self.assertEqual(need.state, "new")
        self.assertEqual(need.company_id, self.wuhan)
        self.assertEqual(need.res_model, "scm.training.session")
        self.assertEqual(need.res_id, self.session.id)
        activity = need.activity_ids
        self.assertEqual(activity.user_id, self.training_manager)
        as_manager = self.as_client(need, self.training_manager)
        with self.assertRaisesRegex(UserError, "Link the training plan"):
            as_manager.action_accept()
        as_manager.write({"plan_id": self.hq_plan.id})
        as_manager.action_accept()
        self.assertEqual(need.state, "accepted")
        self.assertFalse(need.activity_ids)
        as_manager.action_done()
        self.assertEqual(need.state, "done")

    def test_aud_gen_05_who(self):
        """AUD-GEN-05: only the Audit Dept raises; only the Training Dept and
        Audit see the needs; only the Training Dept manager accepts."""
        with self.assertRaises(AccessError):
            self.as_client(self.env["scm.training.need"], self.wh_manager)._scm_raise(
                self.wuhan, "x"
            )
        need = self.as_client(self.env["scm.training.need"], self.auditor)._scm_raise(
            self.dept_msd, "市场营销部：合同评审知识"
        )
        self.assertEqual(need.department_id, self.dept_msd)
        self.assertEqual(need.company_id, self.hq)
        for user in (self.wh_manager, self.bj_manager, self.users["msd.manager"]):
            with self.assertRaises(AccessError):
                self.as_client(need, user).read(["name"])
        as_audit = self.as_client(need, self.auditor)
        with self.assertRaises(AccessError):
            as_audit.write({"plan_id": self.hq_plan.id})
        with self.assertRaises(AccessError):
            as_audit.action_accept()
        with self.assertRaises(UserError):
            as_audit.write({"state": "done"})
        self.assertEqual(need.state, "new")

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ScmProjectsCase


@tagged("post_install", "-at_install")
class TestNetworkDisc(ScmProjectsCase):
    """PRJ-SC-06: a project's practice/product disc request to MCD."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Disc = cls.env["scm.project.disc.request"]

    def new_request(self, user=None, due=None, **vals):
        return self.as_client(self.Disc, user or self.wh_manager).create(
            {
                "project_id": self.project.id,
                "disc_type": "practice",
                "quantity": 2,
                "requirements": "练习盘：含演示账套",
                "due_date": due or self.today() + timedelta(days=5),
                **vals,
            }
        )

    def requested(self, **kwargs):
        request = self.new_request(**kwargs)
        self.as_client(request, self.wh_manager).action_request()
        return request

    def test_prj_sc_06_due_date_tracked_on_mcd(self):
        """PRJ-SC-06: a disc request with a due date is tracked: the MCD
        manager owes it by then; the delivery closes it, on time."""
        request = self.requested()
        self.assertTrue(request.name.startswith("DSC-"))
        self.assertEqual(request.state, "requested")
        deadline = request.scm_deadline_ids
        self.assertEqual(deadline.rule_code, "PRJ-SC-06")
        self.assertEqual(deadline.user_id, self.mcd_manager)
        self.assertEqual(
            self.env["scm.workday"]._local_date(deadline.due_date, self.wuhan),
            request.due_date,
        )
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).write({"due_date": self.today()})
        self.as_client(request, self.tsms).action_deliver()
        self.assertEqual(request.state, "delivered")
        self.assertEqual(request.delivered_date, self.today())
        self.assertFalse(request.is_late)
        self.assertEqual(deadline.state, "done")

    def test_prj_sc_06_lateness_flagged(self):
        """PRJ-SC-06: lateness is flagged: still owed after the due date, or
        delivered after it."""
        request = self.requested(due=self.today() + timedelta(days=1))
        self.assertFalse(request.is_late)
        # The due date passes while the discs are still owed.
        request.sudo().write({"due_date": self.today() - timedelta(days=2)})
        request.invalidate_recordset(["is_late"])
        self.assertTrue(request.is_late)
        late = self.Disc.search([("is_late", "=", True)])
        self.assertIn(request, late)
        self.as_client(request, self.mcd_manager).action_deliver()
        self.assertTrue(request.delivered_late)
        self.assertTrue(request.is_late)
        self.assertIn(request, self.Disc.search([("is_late", "=", True)]))
        on_time = self.requested()
        self.assertNotIn(on_time, self.Disc.search([("is_late", "=", True)]))

    def test_prj_sc_06_roles_and_bad_input(self):
        """PRJ-SC-06: the project side requests, only MCD records the
        delivery; Beijing sees nothing; no due date in the past, no delivery
        in the future."""
        with self.assertRaises(AccessError):
            self.new_request(self.bj_manager)
        with self.assertRaises(UserError):
            self.new_request(self.auditor)
        past = self.new_request(due=self.today() - timedelta(days=1))
        with self.assertRaisesRegex(UserError, "past"):
            self.as_client(past, self.wh_manager).action_request()
        request = self.requested()
        for user in (self.wh_manager, self.auditor):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.as_client(request, user).action_deliver()
        with self.assertRaises(UserError):
            self.as_client(request, self.mcd_manager).action_deliver(
                self.today() + timedelta(days=1)
            )
        with self.assertRaises(UserError):
            self.as_client(request, self.wh_manager).write({"state": "delivered"})
        self.as_client(request, self.wh_manager).action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(request.scm_deadline_ids.state, "cancel")

    def test_prj_sc_06_disc_request_form(self):
        """PRJ-SC-06: the branch drafts the request in its form."""
        Disc = self.as_client(self.Disc, self.wh_manager)
        with Form(Disc.with_context(default_project_id=self.project.id)) as form:
            form.disc_type = "product"
            form.due_date = self.today() + timedelta(days=3)
        request = form.record
        self.assertEqual(request.state, "draft")
        self.as_client(request, self.wh_manager).action_request()
        self.assertEqual(request.scm_deadline_ids.user_id, self.mcd_manager)

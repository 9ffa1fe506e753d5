from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ScmServiceCase


@tagged("post_install", "-at_install")
class TestHqHandover(ScmServiceCase):
    """The handover to customer service and the paid service start:
    SUP-SVCN-02."""

    def test_sup_svcn_02_handover_needs_the_service_side_signature(self):
        """SUP-SVCN-02: the Customer Service Handover Form of scm_projects is
        incomplete, and the project cannot close, without the receiving
        service side's signature; the paid service period starts at the
        run-in end."""
        project = self.project.sudo()
        today = fields.Date.context_today(project)
        self.assertFalse(project.scm_paid_service_start)
        project.write(
            {"scm_phase": "runin", "scm_runin_start": today - timedelta(days=200)}
        )
        self.assertEqual(project.scm_paid_service_start, project.scm_runin_end)
        handover = (
            self.env["scm.project.handover"].sudo().create({"project_id": project.id})
        )
        handover.line_ids.write({"handed_over": True})
        self.as_client(handover, project.user_id).action_sign_implementation()
        self.assertFalse(handover.scm_signatures_complete)
        self.assertIn(
            "The Customer Service Handover Form is not signed by both sides.",
            project._scm_closing_blockers(),
        )
        self.as_client(handover, self.wh_consultant2).action_sign_service()
        self.assertTrue(handover.scm_signatures_complete)
        self.assertNotIn(
            "The Customer Service Handover Form is not signed by both sides.",
            project._scm_closing_blockers(),
        )

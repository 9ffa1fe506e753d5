from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .closing_common import ScmClosingCase


@tagged("post_install", "-at_install")
class TestClosingClosing(ScmClosingCase):
    """《销售项目结项通知单》: SUP-EPM-04, PRJ-TRK-11."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.closing_project()

    def ready_to_close(self):
        self.end_runin(self.project)
        self.accept(self.project)
        self.signed_handover(self.project)
        self.collect_all(self.project)
        self.as_client(self.project, self.finance).action_scm_verify_collection()
        self.verified_sheet(self.project)

    def new_closing(self, user=None):
        return self.as_client(self.Closing, user or self.mcd_manager).create(
            {"project_id": self.project.id, "summary": "按期完成，质量良好。"}
        )

    def sign_all(self, closing):
        self.as_client(closing, self.mcd_manager).action_sign_mcd()
        self.as_client(closing, self.finance).action_sign_finance()
        self.as_client(closing, self.auditor).action_sign_audit()

    def test_sup_epm_04_closing_without_notice_refused(self):
        """SUP-EPM-04: a project reaches closed only with the closing notice:
        its phase is not written directly, and no notice is made before the
        acceptance."""
        with self.assertRaises(UserError):
            self.as_client(self.project, self.mcd_manager).write(
                {"scm_phase": "closed"}
            )
        self.end_runin(self.project)
        with self.assertRaisesRegex(UserError, "Accepted"):
            self.new_closing()

    def test_sup_epm_04_signed_notice_and_checklist_close_the_project(self):
        """SUP-EPM-04, PRJ-TRK-11: signed by MCD, Finance and Audit, with a
        complete archive checklist and nothing missing, MCD closes the
        project; closing sends the 3 notifications."""
        self.end_runin(self.project)
        self.accept(self.project)
        closing = self.new_closing()
        self.assertEqual(
            closing.line_ids.mapped("name"),
            [
                "Contract",
                "Implementation scheme and plans",
                "Acceptance forms",
                "Contract execution status sheet",
                "Customer service handover form",
            ],
        )
        self.assertEqual(
            set(closing.scm_signature_ids.mapped("slot")), {"mcd", "finance", "audit"}
        )
        # Not signed before the checklist is complete.
        with self.assertRaisesRegex(UserError, "archive checklist"):
            self.as_client(closing, self.mcd_manager).action_sign_mcd()
        with self.assertRaises(UserError):
            closing.line_ids[:1].unlink()
        closing.line_ids.write({"archived": True})
        self.sign_all(closing)
        self.assertEqual(closing.state, "signed")
        # Handover and full collection still missing.
        with self.assertRaisesRegex(UserError, "Finance has not verified"):
            self.as_client(closing, self.mcd_manager).action_close_project()
        self.assertEqual(self.project.scm_phase, "accepted")
        self.signed_handover(self.project)
        self.collect_all(self.project)
        self.as_client(self.project, self.finance).action_scm_verify_collection()
        with self.assertRaisesRegex(UserError, "not verified by MCD"):
            self.as_client(closing, self.mcd_manager).action_close_project()
        self.verified_sheet(self.project)
        with self.assertRaisesRegex(UserError, "Only MCD"):
            self.as_client(closing, self.wh_manager).action_close_project()
        notices_before = self.env["scm.notice"].search_count([])
        self.as_client(closing, self.mcd_manager).action_close_project()
        self.assertEqual(self.project.scm_phase, "closed")
        self.assertEqual(self.project.scm_closed_date, self.today())
        self.assertEqual(closing.state, "closed")
        self.assertEqual(self.env["scm.notice"].search_count([]), notices_before + 1)
        notice = self.env["scm.notice"].search(
            [("res_model", "=", "project.project"), ("res_id", "=", self.project.id)],
            order="id desc",
            limit=1,
        )
        self.assertEqual(
            notice.recipient_ids,
            self.mcd_manager.partner_id
            | self.msd_manager.partner_id
            | self.users["sc.manager"].partner_id,
        )
        # A closed project refuses edits through its documents.
        acceptance = self.project.scm_acceptance_ids
        with self.assertRaisesRegex(UserError, "closed"):
            self.as_client(acceptance, self.wh_manager).write({"conclusion": "改"})
        with self.assertRaisesRegex(UserError, "closed"):
            self.as_client(self.Reminder, self.finance).create(
                {
                    "project_id": self.project.id,
                    "milestone_id": self.milestone(self.project, "acceptance").id,
                }
            )
        with self.assertRaisesRegex(UserError, "closed"):
            self.as_client(self.project, self.wh_manager).write({"description": "x"})

    def test_sup_epm_04_incomplete_checklist_or_signatures_refused(self):
        """SUP-EPM-04: with a signature missing the project does not close."""
        self.ready_to_close()
        closing = self.new_closing()
        closing.line_ids.write({"archived": True})
        self.as_client(closing, self.mcd_manager).action_sign_mcd()
        self.as_client(closing, self.finance).action_sign_finance()
        with self.assertRaisesRegex(UserError, "Audit Dept"):
            self.as_client(closing, self.mcd_manager).action_close_project()
        self.assertEqual(self.project.scm_phase, "accepted")
        self.assertIn("Audit Dept", closing.blockers)

    def test_sup_epm_04_signature_roles(self):
        """The auditor signs only the Audit slot and otherwise reads; the PM
        signs no slot; Beijing sees nothing; the checklist is the project
        side's."""
        self.ready_to_close()
        closing = self.new_closing(user=self.wh_manager)
        closing.line_ids.write({"archived": True})
        auditor_view = self.as_client(closing, self.auditor)
        self.assertEqual(auditor_view.name, closing.name)
        for method in ("action_sign_mcd", "action_sign_finance"):
            with self.assertRaises(UserError):
                getattr(auditor_view, method)()
        with self.assertRaises(UserError):
            auditor_view.write({"summary": "改"})
        with self.assertRaises(UserError):
            self.as_client(closing.line_ids[:1], self.auditor).write(
                {"archived": False}
            )
        with self.assertRaises(UserError):
            self.as_client(closing, self.wh_manager).action_sign_audit()
        self.assertFalse(
            closing.scm_signature_ids.filtered(lambda s: s.state == "signed")
        )
        with self.assertRaises(AccessError):
            self.as_client(closing, self.bj_manager).read(["name"])
        with self.assertRaises(UserError):
            self.as_client(closing, self.mcd_manager).write(
                {"closed_date": self.today()}
            )
        auditor_view.action_sign_audit()
        self.as_client(closing, self.finance).action_sign_finance()
        self.as_client(closing, self.mcd_manager).action_sign_mcd()
        self.as_client(closing, self.mcd_manager).action_close_project()
        self.assertEqual(self.project.scm_phase, "closed")
        # Once closed, nothing of it moves.
        with self.assertRaisesRegex(UserError, "closed"):
            self.as_client(closing, self.mcd_manager).action_close_project()

    def test_closing_forms_print(self):
        """FORMS.md 52, 63, 72, S9: the acceptance form, the payment reminder,
        the handover form and the closing notice print with their signature
        lines."""
        self.end_runin(self.project)
        acceptance = self.accept(self.project)
        reminder = self.as_client(self.Reminder, self.finance).create(
            {
                "project_id": self.project.id,
                "milestone_id": self.milestone(self.project, "runin_end").id,
            }
        )
        handover = self.signed_handover(self.project)
        closing = self.new_closing()
        closing.line_ids.write({"archived": True})
        self.sign_all(closing)
        Report = self.env["ir.actions.report"]
        for xmlid, record, expected in (
            ("report_scm_project_acceptance", acceptance, "张总经理"),
            ("report_scm_project_payment_reminder", reminder, reminder.name),
            ("report_scm_project_handover", handover, self.wh_service.name),
            ("report_scm_project_closing", closing, self.auditor.name),
        ):
            html = (
                Report.with_user(self.mcd_manager)
                ._render_qweb_html(f"scm_projects.action_{xmlid}", record.ids)[0]
                .decode()
            )
            self.assertIn(record.name, html)
            self.assertIn(expected, html)

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ScmDocumentCase


@tagged("post_install", "-at_install")
class TestSignature(ScmDocumentCase):
    def sign(self, document, user, slot):
        return document.with_user(user).action_scm_sign(slot)

    def test_org_rule_04_signature_carries_server_time(self):
        """ORG-RULE-04: signing stores the server's time; nobody can edit it."""
        doc = self.new_document()
        with freeze_time("2026-11-20 02:00:00"):
            self.sign(doc, self.users["wh.manager"], "branch_manager")
        signature = doc.scm_signature_ids.filtered(lambda s: s.slot == "branch_manager")
        self.assertEqual(signature.signed_at, datetime(2026, 11, 20, 2, 0))
        self.assertEqual(signature.signer_id, self.users["wh.manager"])
        self.assertTrue(self.env["scm.signature"]._fields["signed_at"].readonly)
        with self.assertRaises(AccessError):
            signature.with_user(self.users["wh.manager"]).write(
                {"signed_at": datetime(2026, 1, 1)}
            )
        with self.assertRaises(UserError):
            self.sign(doc, self.users["wh.manager"], "branch_manager")

    def test_org_rule_05_only_required_person_signs(self):
        """ORG-RULE-05: a signature belongs to the named person or role."""
        doc = self.new_document()
        with self.assertRaises(UserError):
            self.sign(doc, self.users["wh.consultant"], "branch_manager")
        with self.assertRaises(UserError):
            self.sign(doc, self.users["wh.manager"], "finance")
        self.sign(doc, self.users["finance.staff"], "finance")
        self.assertEqual(
            doc.scm_signature_ids.filtered(lambda s: s.slot == "finance").state,
            "signed",
        )
        with self.assertRaises(UserError):
            self.sign(doc, self.users["finance.staff"], "no_such_slot")

    def test_org_rule_05_unsigned_document_is_not_distributed_or_printed(self):
        """ORG-RULE-05: distributing or printing for external use an unsigned
        document is blocked and logged as a violation the Audit Dept sees."""
        doc = self.new_document()
        self.sign(doc, self.users["wh.manager"], "branch_manager")
        result = doc.with_user(self.users["wh.consultant"]).action_scm_distribute()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(result["params"]["type"], "danger")
        self.assertFalse(doc.scm_distribution_ids)
        result = doc.with_user(self.users["wh.consultant"]).action_scm_print_final()
        self.assertEqual(result["tag"], "display_notification")
        violations = (
            self.env["scm.procedure.violation"]
            .with_user(self.users["audit.staff"])
            .search([("res_model", "=", doc._name), ("res_id", "=", doc.id)])
        )
        self.assertEqual(len(violations), 2)
        self.assertEqual(violations.user_id, self.users["wh.consultant"])
        self.assertTrue(all("Finance Seal" in v.reason for v in violations))
        # A final-print report refuses to render for an unsigned document.
        report = self.env["ir.actions.report"].create(
            {
                "name": "Final print (test)",
                "model": doc._name,
                "report_type": "qweb-pdf",
                "report_name": "scm_base.report_scm_approval_history",
                "scm_requires_signatures": True,
            }
        )
        with self.assertRaises(UserError):
            report._render_qweb_pdf(report.id, doc.ids)
        # The HTML the browser gets from /report/html is the same final print.
        with self.assertRaises(UserError):
            report._render_qweb_html(report.id, doc.ids)

    def test_org_rule_06_delegate_signs_for_the_manager(self):
        """ORG-RULE-06: a delegate in scope and period signs "X for Y"; outside
        the period or the document types, signing is refused."""
        today = self.local_today(self.users["wh.consultant2"])
        other_model = self.env["ir.model"]._get("res.partner")
        self.delegate(
            self.users["wh.manager"],
            self.users["wh.consultant2"],
            today + timedelta(days=1),
            today + timedelta(days=9),
        )
        self.delegate(
            self.users["wh.manager"],
            self.users["wh.consultant2"],
            today - timedelta(days=1),
            today + timedelta(days=9),
            models=other_model,
        )
        doc = self.new_document()
        with self.assertRaises(UserError):
            self.sign(doc, self.users["wh.consultant2"], "branch_manager")
        self.delegate(
            self.users["wh.manager"],
            self.users["wh.consultant2"],
            today,
            today,
        )
        self.sign(doc, self.users["wh.consultant2"], "branch_manager")
        signature = doc.scm_signature_ids.filtered(lambda s: s.slot == "branch_manager")
        self.assertEqual(signature.signer_id, self.users["wh.consultant2"])
        self.assertEqual(signature.on_behalf_of_id, self.users["wh.manager"])
        self.assertEqual(
            signature.signed_label,
            f"{self.users['wh.consultant2'].name} for {self.users['wh.manager'].name}",
        )

    def test_org_rule_06_delegation_is_logged_and_validated(self):
        """ORG-RULE-06: a delegation records delegator, delegate, scope and
        period, is tracked in its chatter, and cannot be circular or inverted."""
        today = self.local_today(self.users["wh.consultant2"])
        delegation = self.delegate(
            self.users["wh.manager"], self.users["wh.consultant2"], today, today
        )
        self.assertTrue(delegation.message_ids)
        # Odoo tracks changes only after the creating transaction: end it.
        self.env.flush_all()
        self.env.cr.precommit.run()
        delegation.date_to = today + timedelta(days=3)
        self.env.flush_all()
        self.env.cr.precommit.run()
        delegation.invalidate_recordset(["message_ids"])
        self.assertTrue(
            delegation.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "date_to"
            )
        )
        with self.assertRaises(ValidationError):
            self.delegate(
                self.users["wh.manager"], self.users["wh.manager"], today, today
            )
        with self.assertRaises(ValidationError):
            self.delegate(
                self.users["wh.manager"],
                self.users["wh.consultant"],
                today,
                today - timedelta(days=1),
            )

    def test_org_rule_08_distribution_creates_exactly_the_list(self):
        """ORG-RULE-08: once signed, distributing creates one line per recipient
        with its copy type and sent time; recipients confirm receipt."""
        doc = self.new_document()
        self.sign(doc, self.users["wh.manager"], "branch_manager")
        self.sign(doc, self.users["finance.staff"], "finance")
        self.assertTrue(doc.scm_signatures_complete)
        with freeze_time("2026-11-20 02:00:00"):
            self.assertTrue(
                doc.with_user(self.users["wh.consultant"]).action_scm_distribute()
            )
        lines = doc.scm_distribution_ids
        self.assertEqual(len(lines), 3)
        self.assertEqual(
            sorted(lines.mapped("copy_type")), ["copy", "electronic", "original"]
        )
        self.assertEqual(set(lines.mapped("sent_at")), {datetime(2026, 11, 20, 2, 0)})
        finance_line = lines.filtered(lambda line: line.copy_type == "original")
        self.assertEqual(
            finance_line.recipient_department_id, self.env.ref("scm_base.dept_finance")
        )
        with self.assertRaises(UserError):
            finance_line.with_user(self.users["wh.consultant"]).action_mark_received()
        self.assertFalse(finance_line.received_at)
        finance_line.with_user(self.users["finance.staff"]).action_mark_received()
        self.assertEqual(finance_line.received_by_id, self.users["finance.staff"])
        with self.assertRaises(UserError):
            doc._scm_distribute()

    def test_distinct_signers_when_the_document_requires_it(self):
        """A document may require that one person does not sign twice."""
        self.env.ref("scm_base.group_finance").users = [
            Command.link(self.users["wh.manager"].id)
        ]
        doc = self.new_document()
        self.patch(type(doc), "_scm_signature_distinct_signers", True)
        self.sign(doc, self.users["wh.manager"], "branch_manager")
        with self.assertRaises(UserError):
            self.sign(doc, self.users["wh.manager"], "finance")
